package vn.ubkt.casework.query.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.statistics.StatisticsQuery;

/** A committee's report for a period, as text or printed: what the report API and the report pages both serve. */
@Component
class Reports {

    private final StatisticsQuery statistics;
    private final CommitteeTree tree;
    private final ReportWriter writer;
    private final Clock clock;

    Reports(StatisticsQuery statistics, CommitteeTree tree, ReportWriter writer, Clock clock) {
        this.statistics = statistics;
        this.tree = tree;
        this.writer = writer;
        this.clock = clock;
    }

    ReportWriter.Report report(String id, LocalDate from, LocalDate to, Scope scope, Perspective perspective,
                               Locale locale) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        return report(statistics, tree, id, from, to, scope, perspective, locale);
    }

    /** The report from the given read models: the live ones, or a copy replayed from the first events of the log. */
    ReportWriter.Report report(StatisticsQuery statistics, CommitteeTree tree, String id, LocalDate from, LocalDate to,
                               Scope scope, Perspective perspective, Locale locale) {
        if (!tree.exists(id)) {
            throw new NotFoundException("committee", id);
        }
        return writer.write(statistics.statistics(id, from, to, scope, perspective), tree.name(id), locale);
    }

    /** The report as a printable PDF, with when it was printed in its footer. */
    byte[] pdf(ReportWriter.Report report, Locale locale) {
        boolean vietnamese = !"en".equals(locale.getLanguage());
        String printed = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(ZonedDateTime.now(clock));
        String footer = (vietnamese ? "In lúc " : "Printed ") + printed
                + (vietnamese ? " từ hệ thống quản lý vụ việc kiểm tra." : " from the inspection case system.");
        return ReportPdf.render(report, footer);
    }
}
