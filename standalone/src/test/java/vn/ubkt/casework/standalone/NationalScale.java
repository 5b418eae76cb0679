package vn.ubkt.casework.standalone;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.events.cases.CaseClosed;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseId;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CaseOrigin;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.ExplanationRecorded;
import vn.ubkt.casework.events.cases.FindingsRecorded;
import vn.ubkt.casework.events.cases.Membership;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.SubjectHeard;
import vn.ubkt.casework.events.cases.TeamMember;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.events.committees.CommitteeDissolved;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.committees.CommitteeMoved;
import vn.ubkt.casework.events.committees.CommitteeRegistered;

/**
 * The national-scale benchmark (issue 11): a store shaped like the country's, and each target measured against
 * its goal in one run.
 *
 * <p>The tree (provinces, districts until the 2025 reform, communes, cells) is published through Axon's event
 * store, so the command side's own directory follows it as it follows any command. Case histories are written
 * with PostgreSQL's {@code COPY} into {@code domain_event_entry}, row by row what Axon's JPA storage writes:
 * {@link DomainEventEntry} built by Axon from the message with the product's own event serializer (a test checks
 * the rows against rows Axon appended itself). The product then reads them through its own processors. The
 * command side's registers of these cases are not filled (no command is sent to a generated case).
 */
final class NationalScale {

    record Size(int provinces, int districtsPerProvince, int communesPerDistrict, int cellsPerCommune, int cases) {

        static Size fromProperties(Size defaults) {
            return new Size(Integer.getInteger("benchmark.provinces", defaults.provinces()),
                    Integer.getInteger("benchmark.districts", defaults.districtsPerProvince()),
                    Integer.getInteger("benchmark.communes", defaults.communesPerDistrict()),
                    Integer.getInteger("benchmark.cells", defaults.cellsPerCommune()),
                    Integer.getInteger("benchmark.cases", defaults.cases()));
        }
    }

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thảo",
            "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến"};
    private static final String[] CONTENT = {"Kiểm tra việc thực hiện nhiệm vụ đảng viên",
            "Kiểm tra khi có dấu hiệu vi phạm trong quản lý đất đai", "Giám sát chuyên đề việc kê khai tài sản",
            "Kiểm tra việc chấp hành nguyên tắc tập trung dân chủ", "Giám sát thường xuyên việc tu dưỡng, rèn luyện",
            "Kiểm tra dấu hiệu vi phạm trong quản lý tài chính, ngân sách"};
    private static final CaseType[] TYPES = {CaseType.INSPECTION_SIGNS_OF_VIOLATION, CaseType.INSPECTION_TASK_PERFORMANCE,
            CaseType.SUPERVISION_THEMATIC, CaseType.SUPERVISION_REGULAR};

    final RunningApp app;
    final Size size;
    private final Random random = new Random(20250701L);
    private final Serializer serializer;

    NationalScale(RunningApp app, Size size) {
        this.app = app;
        this.size = size;
        this.serializer = app.context.getBean("eventSerializer", Serializer.class);
    }

    static String province(int p) {
        return "NS-T" + p;
    }

    static String provinceCommission(int p) {
        return "NS-UBKT-T" + p;
    }

    private static String district(int p, int d) {
        return "NS-H" + p + "-" + d;
    }

    private static String districtCommission(int p, int d) {
        return "NS-UBKT-H" + p + "-" + d;
    }

    private static String commune(int p, int d, int c) {
        return "NS-X" + p + "-" + d + "-" + c;
    }

    private static String cell(int p, int d, int c, int k) {
        return "NS-CB" + p + "-" + d + "-" + c + "-" + k;
    }

    // ---- the tree ---------------------------------------------------------------------------------------------

    /** Publishes the tree's history through Axon's event store: registrations in 2015, the reform on 1 July 2025. */
    int publishTree() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        LocalDate established = LocalDate.of(2015, 1, 1);
        CommitteeId central = CommitteeId.of(RunningApp.CENTRAL);
        for (int p = 0; p < size.provinces(); p++) {
            register(events, province(p), "Tỉnh ủy số " + p, CommitteeKind.PARTY_COMMITTEE, CommitteeLevel.PROVINCIAL,
                    central, established);
            register(events, provinceCommission(p), "Ủy ban Kiểm tra Tỉnh ủy số " + p, CommitteeKind.INSPECTION_COMMISSION,
                    CommitteeLevel.PROVINCIAL, CommitteeId.of(province(p)), established);
            for (int d = 0; d < size.districtsPerProvince(); d++) {
                register(events, district(p, d), "Huyện ủy " + p + "-" + d, CommitteeKind.PARTY_COMMITTEE,
                        CommitteeLevel.DISTRICT, CommitteeId.of(province(p)), established);
                register(events, districtCommission(p, d), "Ủy ban Kiểm tra Huyện ủy " + p + "-" + d,
                        CommitteeKind.INSPECTION_COMMISSION, CommitteeLevel.DISTRICT, CommitteeId.of(district(p, d)),
                        established);
                for (int c = 0; c < size.communesPerDistrict(); c++) {
                    register(events, commune(p, d, c), "Đảng ủy xã " + p + "-" + d + "-" + c,
                            CommitteeKind.GRASSROOTS_COMMITTEE, CommitteeLevel.GRASSROOTS, CommitteeId.of(district(p, d)),
                            established);
                    for (int k = 0; k < size.cellsPerCommune(); k++) {
                        register(events, cell(p, d, c, k), "Chi bộ thôn " + p + "-" + d + "-" + c + "-" + k,
                                CommitteeKind.CELL, CommitteeLevel.CELL, CommitteeId.of(commune(p, d, c)), established);
                    }
                }
            }
        }
        // the 2025 reform: districts end, their communes report to the province
        for (int p = 0; p < size.provinces(); p++) {
            for (int d = 0; d < size.districtsPerProvince(); d++) {
                for (int c = 0; c < size.communesPerDistrict(); c++) {
                    committeeEvent(events, commune(p, d, c), 1, new CommitteeMoved(CommitteeId.of(commune(p, d, c)),
                            REFORM, CommitteeId.of(district(p, d)), CommitteeId.of(province(p))), REFORM);
                }
                committeeEvent(events, districtCommission(p, d), 1, new CommitteeDissolved(
                        CommitteeId.of(districtCommission(p, d)), REFORM, CommitteeId.of(provinceCommission(p)),
                        "Kết thúc hoạt động cấp huyện"), REFORM);
                committeeEvent(events, district(p, d), 1, new CommitteeDissolved(CommitteeId.of(district(p, d)), REFORM,
                        CommitteeId.of(province(p)), "Kết thúc hoạt động cấp huyện"), REFORM);
            }
        }
        EventStore store = app.context.getBean(EventStore.class);
        TransactionTemplate transactions = new TransactionTemplate(app.context.getBean(PlatformTransactionManager.class));
        for (int from = 0; from < events.size(); from += 1_000) {
            List<DomainEventMessage<?>> slice = events.subList(from, Math.min(events.size(), from + 1_000));
            transactions.executeWithoutResult(status -> store.publish(slice));
        }
        return events.size();
    }

    private void register(List<DomainEventMessage<?>> events, String id, String name, CommitteeKind kind,
                          CommitteeLevel level, CommitteeId parent, LocalDate established) {
        committeeEvent(events, id, 0, new CommitteeRegistered(CommitteeId.of(id), name, kind, level, parent, established,
                kind == CommitteeKind.CELL ? null : 9, 20, null), established);
    }

    private void committeeEvent(List<DomainEventMessage<?>> events, String id, long sequence, Object payload,
                                LocalDate on) {
        events.add(new GenericDomainEventMessage<>("Committee", id, sequence, payload, metaData(id),
                java.util.UUID.randomUUID().toString(), at(on)));
    }

    private static MetaData metaData(String correlation) {
        return MetaData.with("actor", "benchmark").and("actorName", "Dữ liệu đo hiệu năng")
                .and("actorCommittee", RunningApp.CENTRAL).and("correlationId", "benchmark-" + correlation);
    }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(8, 0).plusSeconds(random.nextInt(9 * 3600))).atZone(HANOI).toInstant();
    }

    // ---- the cases --------------------------------------------------------------------------------------------

    /** One generated case's events, in order. */
    List<DomainEventMessage<?>> oneCase(int n) {
        int p = random.nextInt(size.provinces());
        int d = random.nextInt(size.districtsPerProvince());
        int c = random.nextInt(size.communesPerDistrict());
        int k = random.nextInt(Math.max(1, size.cellsPerCommune()));
        // five and a half years of cases, before and after the reform; none planned in the three months around it
        LocalDate planned = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(5 * 365 + 180));
        if (!planned.isBefore(REFORM.minusMonths(3)) && planned.isBefore(REFORM)) {
            planned = planned.plusMonths(3);
        }
        boolean beforeReform = planned.isBefore(REFORM);
        String committee = beforeReform && random.nextInt(10) > 0 ? districtCommission(p, d) : provinceCommission(p);
        String id = "NS-CASE-" + n;
        CaseId caseId = CaseId.of(id);
        CaseType type = TYPES[random.nextInt(TYPES.length)];
        boolean member = size.cellsPerCommune() > 0 && random.nextInt(10) < 7;
        String name = name(random);
        Subject subject = member
                ? new Subject.Member("DV-" + n, name, Membership.OFFICIAL, CommitteeId.of(cell(p, d, c, k)), List.of(),
                        null, List.of())
                : new Subject.Organization(CommitteeId.of(commune(p, d, c)));
        boolean supervision = type.group() == CaseType.Group.SUPERVISION;
        Outcome outcome = supervision ? Outcome.SHORTCOMING : random.nextInt(3) == 0 ? Outcome.NO_VIOLATION : Outcome.VIOLATION;
        boolean discipline = member && outcome == Outcome.VIOLATION;
        List<Object> events = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        String content = CONTENT[random.nextInt(CONTENT.length)] + " đối với " + (member ? "đồng chí " + name
                : "Đảng ủy xã " + p + "-" + d + "-" + c);
        events.add(new CasePlanned(caseId, type, CommitteeId.of(committee), subject, content, "KH-" + n, planned,
                planned.plusDays(5), planned.plusDays(60), CaseOrigin.NONE, List.of()));
        days.add(planned);
        events.add(new CaseOpened(caseId, planned.plusDays(5), n + "-QĐ/UBKT",
                List.of(new TeamMember("KT-1", "Phạm Thị Hà"), new TeamMember("KT-2", "Đỗ Minh Khôi")), "KT-1"));
        days.add(planned.plusDays(5));
        events.add(new ExplanationRecorded(caseId, planned.plusDays(15), "Báo cáo giải trình của " + name));
        days.add(planned.plusDays(15));
        events.add(new FindingsRecorded(caseId, planned.plusDays(30), "Kết quả thẩm tra, xác minh", List.of()));
        days.add(planned.plusDays(30));
        events.add(new CaseConcluded(caseId, planned.plusDays(40), n + "-TB/UBKT", outcome,
                outcome == Outcome.VIOLATION ? List.of(ViolationCategory.values()[random.nextInt(ViolationCategory.values().length)])
                        : List.of(), null, planned.minusMonths(2), discipline, "Kết luận kiểm tra số " + n, null));
        days.add(planned.plusDays(40));
        if (discipline) {
            DisciplineForm form = random.nextInt(5) == 0 ? DisciplineForm.WARNING : DisciplineForm.REPRIMAND;
            events.add(new SubjectHeard(caseId, planned.plusDays(42), "Nhận khuyết điểm", null));
            days.add(planned.plusDays(42));
            events.add(new DisciplineDecided(caseId, planned.plusDays(45), CommitteeId.of(committee), n + "-QĐ/UBKT",
                    9, Map.of(form.name(), 7, "NONE", 2), form, planned.plusDays(46), planned.plusDays(46), "2021.1",
                    List.of()));
            days.add(planned.plusDays(45));
        }
        if (random.nextInt(10) < 8) {
            events.add(new CaseClosed(caseId, planned.plusDays(75)));
            days.add(planned.plusDays(75));
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>("InspectionCase", id, seq, events.get(seq), metaData(id),
                    java.util.UUID.randomUUID().toString(), at(days.get(seq))));
        }
        return messages;
    }

    /**
     * Writes cases with COPY in batches while the live projections follow; answers the events written. A batch's cases
     * (about 3,200) are interleaved as a real log holds them: each case's first event, then each one's second, and so
     * on, so that a case's events lie thousands of events apart, where a real case's lie tens of thousands apart (its
     * steps weeks apart, 1,400 cases planned a day). {@code -Dbenchmark.by-case=true} writes each case's events one
     * after the other, the order of the figures measured before 2026-12-01, which flatters whatever reads the log in
     * order: a batch of events then holds few cases.
     */
    long copyCases(int from, int count) throws SQLException, IOException {
        long written = 0;
        boolean byCase = Boolean.getBoolean("benchmark.by-case");
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            List<List<DomainEventMessage<?>>> cases = new ArrayList<>();
            int events = 0;
            for (int n = from; n < from + count; n++) {
                List<DomainEventMessage<?>> one = oneCase(n);
                cases.add(one);
                events += one.size();
                if (events >= 20_000 || n == from + count - 1) {
                    written += copy(connection, byCase ? cases.stream().flatMap(List::stream).toList() : interleaved(cases));
                    connection.commit();
                    cases.clear();
                    events = 0;
                }
            }
        }
        return written;
    }

    /** The cases' events, every case's first, then every case's second that has one, and so on. */
    static List<DomainEventMessage<?>> interleaved(List<List<DomainEventMessage<?>>> cases) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        int longest = cases.stream().mapToInt(List::size).max().orElse(0);
        for (int seq = 0; seq < longest; seq++) {
            for (List<DomainEventMessage<?>> one : cases) {
                if (seq < one.size()) {
                    events.add(one.get(seq));
                }
            }
        }
        return events;
    }

    private long copy(Connection connection, List<DomainEventMessage<?>> messages) throws SQLException, IOException {
        long first;
        try (PreparedStatement reserve = connection.prepareStatement(
                "select nextval('domain_event_entry_seq'), setval('domain_event_entry_seq', currval('domain_event_entry_seq') + ? - 1)")) {
            reserve.setLong(1, messages.size());
            try (ResultSet rs = reserve.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
            }
        }
        StringBuilder csv = new StringBuilder(messages.size() * 900);
        HexFormat hex = HexFormat.of();
        long index = first;
        for (DomainEventMessage<?> message : messages) {
            Row row = row(message);
            csv.append(index++).append(',').append(row.eventIdentifier()).append(",\\x").append(hex.formatHex(row.metaData()))
                    .append(",\\x").append(hex.formatHex(row.payload())).append(',').append(row.payloadRevision() == null ? "" : row.payloadRevision())
                    .append(',').append(row.payloadType()).append(',').append(row.timeStamp()).append(',')
                    .append(row.aggregateIdentifier()).append(',').append(row.sequenceNumber()).append(',')
                    .append(row.type()).append('\n');
        }
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                copy domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision, payload_type,
                                         time_stamp, aggregate_identifier, sequence_number, type) from stdin (format csv)""",
                new StringReader(csv.toString()));
    }

    /** A row as Axon's JPA storage writes it: built by Axon's own entry class with the product's event serializer. */
    record Row(String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
               String timeStamp, String aggregateIdentifier, long sequenceNumber, String type) {
    }

    Row row(DomainEventMessage<?> message) {
        DomainEventEntry entry = new DomainEventEntry(message, serializer);
        return new Row(entry.getEventIdentifier(), entry.getMetaData().getData(), entry.getPayload().getData(),
                entry.getPayload().getType().getRevision(), entry.getPayload().getType().getName(),
                DateTimeUtils.formatInstant(message.getTimestamp()), entry.getAggregateIdentifier(),
                entry.getSequenceNumber(), entry.getType());
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(app.jdbcUrl, "postgres", "");
    }

    /**
     * The sizes of the case list's table (its rows, their TOAST storage and its indexes) and of the case documents'
     * (V20: all of it, its rows, TOAST and key).
     */
    String caseViewSizes() throws SQLException {
        try (Connection connection = connection(); java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("""
                     select pg_size_pretty(pg_relation_size('case_view')),
                            pg_size_pretty(coalesce(pg_total_relation_size(nullif(reltoastrelid, 0)), 0)),
                            pg_size_pretty(pg_indexes_size('case_view')),
                            pg_size_pretty(pg_total_relation_size('case_document'))
                     from pg_class where oid = 'case_view'::regclass""")) {
            rs.next();
            return "rows " + rs.getString(1) + ", TOAST " + rs.getString(2) + ", indexes " + rs.getString(3)
                    + "; case_document " + rs.getString(4);
        }
    }

    /**
     * What any bulk load is followed by (PostgreSQL's manual, "Populating a Database": run {@code ANALYZE}
     * afterwards): the planner's statistics and the visibility map for the tables the catch-up filled, which
     * autovacuum would otherwise give them minutes later, in the middle of the measurements. Returns the seconds.
     */
    double vacuumAnalyze() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection connection = connection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze)");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- measuring ------------------------------------------------------------------------------------------

    /** Latencies of one kind of request, in milliseconds. */
    record Latencies(String what, int count, double p50, double p99, double max) {

        static Latencies of(String what, List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Latencies(what, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        }

        private static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /**
     * Times {@code requests} calls of {@code call}, one client, after calling it for {@code warmUpSeconds} (at least 5
     * times) to warm up: a server in service has its code compiled by the JIT, and so must the one measured (with 20
     * calls of warm-up, the client's and the server's code still interpreted put 4 to 7 ms on a 1.4 ms case detail).
     */
    static Latencies time(String what, int requests, double warmUpSeconds, java.util.function.IntConsumer call) {
        long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int warmUps = 0;
        while (warmUps < 5 || System.nanoTime() < warmUntil) {
            call.accept(requests + warmUps++);
        }
        List<Double> millis = new ArrayList<>(requests);
        LiveHeap.TIMED.incrementAndGet();
        try {
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                call.accept(i);
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        } finally {
            LiveHeap.TIMED.decrementAndGet();
        }
        return Latencies.of(what, millis);
    }

    /** Commands from {@code clients} clients for {@code seconds}: their rate and latencies. */
    record Load(int clients, double seconds, long commands, double perSecond, Latencies latencies) {
    }

    Load commands(Http http, int clients, double seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        LiveHeap.TIMED.incrementAndGet();
        try {
            for (int t = 0; t < clients; t++) {
                int client = t;
                Thread thread = new Thread(() -> {
                    int i = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        Http.Response response = http.post("/api/cases", planBody(client * 1_000_000 + i++));
                        if (response.status() != 201) {
                            failures.incrementAndGet();
                            System.out.println("BENCHMARK refused: " + response);
                            continue;
                        }
                        millis.add((System.nanoTime() - t0) / 1e6);
                        done.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            LiveHeap.TIMED.decrementAndGet();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " commands refused");
        }
        return new Load(clients, elapsed, done.get(), done.get() / elapsed,
                Latencies.of("POST /api/cases x" + clients, new ArrayList<>(millis)));
    }

    private final AtomicLong planned = new AtomicLong();

    String planBody(int n) {
        int p = Math.floorMod(n, size.provinces());
        long serial = planned.incrementAndGet();
        String name = FAMILY[(int) (serial % FAMILY.length)] + " Văn " + GIVEN[(int) (serial % GIVEN.length)];
        return """
                {"type": "INSPECTION_SIGNS_OF_VIOLATION", "committeeId": "%s",
                 "subject": {"type": "MEMBER", "memberId": "DV-MOI-%d", "fullName": "%s", "membership": "OFFICIAL",
                             "organizationId": "%s"},
                 "content": "Kiểm tra khi có dấu hiệu vi phạm đối với đồng chí %s", "planRef": "KH-MOI-%d",
                 "plannedOn": "2026-11-02", "plannedFrom": "2026-11-09", "plannedTo": "2026-12-31"}"""
                .formatted(provinceCommission(p), serial, name, cell(p, 0, 0, 0), name, serial);
    }

    /**
     * Projection lag at a fixed command rate: after each command is answered (its events committed), the read model
     * is polled directly until the case is there.
     */
    Latencies lag(Http http, double perSecond, double seconds) throws SQLException, InterruptedException {
        List<Double> lags = new ArrayList<>();
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        long end = next + (long) (seconds * 1e9);
        LiveHeap.TIMED.incrementAndGet();
        try (Connection connection = connection();
             PreparedStatement visible = connection.prepareStatement("select 1 from case_view where id = ?")) {
            while (System.nanoTime() < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += interval;
                Http.Response response = http.post("/api/cases", planBody((int) planned.get()));
                if (response.status() != 201) {
                    throw new IllegalStateException("refused: " + response);
                }
                long answered = System.nanoTime();
                visible.setString(1, response.json().get("id").asString());
                while (true) {
                    try (ResultSet rs = visible.executeQuery()) {
                        if (rs.next()) {
                            break;
                        }
                    }
                    if (System.nanoTime() - answered > 30_000_000_000L) {
                        throw new IllegalStateException("not projected in 30 s");
                    }
                    Thread.sleep(0, 200_000);
                }
                lags.add((System.nanoTime() - answered) / 1e6);
            }
        } finally {
            LiveHeap.TIMED.decrementAndGet();
        }
        return Latencies.of("lag at " + Math.round(perSecond) + "/s", lags);
    }

    /** pgbench's single-row insert at the same concurrency on the same server: transactions per second. */
    double pgbenchInserts(int clients, int seconds) throws IOException, InterruptedException {
        java.net.URI uri = java.net.URI.create(app.jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        try (Connection connection = connection()) {
            connection.createStatement().execute(
                    "create table if not exists bench_insert (id bigserial primary key, payload text not null)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Path script = Files.createTempFile("insert", ".sql");
        Files.writeString(script, "insert into bench_insert (payload) values ('một dòng của pgbench');\n");
        Process process = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j",
                String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f", script.toString(),
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", "postgres", database)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("pgbench said: " + output);
    }

    /** A Vietnamese full name (family, middle, given), as members are named. */
    static String name(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** Rebuilds a projection through the admin API and answers its figures. */
    JsonNode rebuild(String projection) {
        return rebuild(app.http, projection);
    }

    /** Rebuilds a projection through the admin API of the node {@code http} calls, and answers its figures. */
    static JsonNode rebuild(Http http, String projection) {
        Http.Response started = http.post("/api/admin/projections/" + projection + "/rebuild", "");
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild " + projection + ": " + started);
        }
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode view : http.get("/api/admin/projections").json()) {
                JsonNode rebuild = view.get("lastRebuild");
                if (view.get("name").asString().equals(projection) && !rebuild.isNull()
                        && !rebuild.get("status").asString().equals("REBUILDING")) {
                    return rebuild;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("rebuild of " + projection + " did not end");
    }

    /** The projections' names, as the admin API lists them. */
    List<String> projections() {
        return projections(app.http);
    }

    static List<String> projections(Http http) {
        List<String> names = new ArrayList<>();
        http.get("/api/admin/projections").json().forEach(view -> names.add(view.get("name").asString()));
        return names;
    }

    /**
     * The heap the run needed, phase by phase, in MiB. Every 30 s (and when a phase ends) a full collection is asked
     * for and the heap used after it read: that is what the heap must hold. Not while calls are timed
     * ({@link #TIMED}): the collection stops every thread for 127 to 255 ms, which landed in the reads' windows as their
     * slowest calls (docs/BENCHMARKS.md, "Case detail's tail"); it waits for the window's end. Between those, every half
     * second, each heap pool's usage after its last collection is read too; G1's old generation keeps dead objects until a concurrent
     * cycle reclaims them, so that figure is an upper bound, not the live set.
     */
    static final class LiveHeap implements AutoCloseable {

        private static final long FULL_EVERY_NANOS = 30_000_000_000L;

        /** How many timed windows are open: while any is, the sampler asks for no full collection. */
        static final AtomicInteger TIMED = new AtomicInteger();

        private final Map<String, long[]> peaks = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile String phase = "start";

        LiveHeap() {
            sampler = new Thread(() -> {
                long lastFull = System.nanoTime();
                while (running) {
                    long afterLast = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                            .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                    record(phase, -1, afterLast);
                    if (System.nanoTime() - lastFull > FULL_EVERY_NANOS && TIMED.get() == 0) {
                        record(phase, liveNow(), -1);
                        lastFull = System.nanoTime();
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "live-heap");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The phase the run enters; the one it leaves is measured once more after a full collection. */
        void phase(String next) {
            record(phase, liveNow(), -1);
            phase = next;
        }

        private static long liveNow() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        private void record(String phase, long live, long afterLast) {
            long[] peak = peaks.computeIfAbsent(phase, p -> new long[2]);
            synchronized (peak) {
                peak[0] = Math.max(peak[0], live);
                peak[1] = Math.max(peak[1], afterLast);
            }
        }

        /** The most heap found live after a full collection, in any phase. */
        long peakMiB() {
            synchronized (peaks) {
                return peaks.values().stream().mapToLong(p -> p[0]).max().orElse(0) / (1024 * 1024);
            }
        }

        /** Phase by phase: live after a full collection, and the upper bound after G1's last collection. */
        Map<String, long[]> byPhaseMiB() {
            Map<String, long[]> out = new LinkedHashMap<>();
            synchronized (peaks) {
                peaks.forEach((phase, p) -> out.put(phase, new long[] {p[0] / (1024 * 1024), p[1] / (1024 * 1024)}));
            }
            return out;
        }

        @Override
        public void close() {
            running = false;
            sampler.interrupt();
        }
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** Every generated case's id can be named from its number. */
    static String caseId(int n) {
        return "NS-CASE-" + n;
    }

    /** Random search words of three characters or more, folded and not, as users type them. */
    static final List<String> SEARCHES = Arrays.asList("nguyen van", "Trần Thị", "hùng", "le minh", "phạm quốc",
            "thanh", "Đặng", "dung", "ngọc lan", "hoang");
}
