package vn.ubkt.casework.query.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The last steps of a rebuild, after its replay: each copy made logged (and keyed, where its key was dropped for the
 * replay), each of its secondary indexes built, then analyzed, shared out step by step between two backends.
 *
 * <p>Each step waits only for what it needs: a copy's indexes for the copy made logged (making a table logged writes
 * it anew and would build its indexes again), its analysis for its indexes (an index's build holds a lock that
 * {@code analyze} waits for). Two indexes of one table build side by side; a key is added with its table's
 * {@code set logged}, whose lock excludes any other step on that table. Each lane takes the first step of the plan
 * that is ready, GIN indexes before any other. So {@code case_view}'s words' index builds on one backend while the
 * other makes {@code case_document} logged and then builds {@code case_view}'s pairs' index, and the B-trees follow on
 * whichever is free, where a lane of whole tables left them all to one backend (docs/BENCHMARKS.md, "Rebuilds, tenth
 * round" and "eleventh round").
 */
final class CopyFinisher {

    /** A step: its statements, run in one transaction, once every step named in {@code after} is done. */
    record Step(String id, String table, String label, List<String> statements, Set<String> after) {
    }

    /** A step done, in how many seconds (its lane is the list {@link #run} answers it in). */
    record Done(Step step, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %.1f s", step.table(), step.label(), seconds);
        }
    }

    /** Runs one step's statements in one transaction. */
    @FunctionalInterface
    interface Runner {
        void run(Step step);
    }

    private CopyFinisher() {
    }

    /**
     * The steps for the copies, in the order a free lane considers them: GIN indexes first (the longest steps), then the
     * copies made logged, then their other indexes, then their analyses, each kind from the largest copy down. So a
     * lane that has made one copy logged takes a GIN index that another copy's logging made ready before it analyzes
     * its own copy: {@code case_view}'s two GIN indexes build on both lanes ("Rebuilds, eleventh round").
     *
     * @param schema  the copies' schema
     * @param tables  the copies' names, the largest first
     * @param keys    per copy, the statements that add the keys dropped for the replay
     * @param indexes per copy, the statements that build its secondary indexes
     * @param analyses per copy, the statements that analyze it, where they are not {@code analyze} of the whole copy
     */
    static List<Step> plan(String schema, List<String> tables, Map<String, List<String>> keys,
                           Map<String, List<String>> indexes, Map<String, List<String>> analyses) {
        List<Step> steps = new ArrayList<>();
        for (String table : tables) {
            String logged = "logged:" + table;
            List<String> making = new ArrayList<>();
            making.add("alter table " + schema + "." + table + " set logged");
            List<String> tableKeys = keys.getOrDefault(table, List.of());
            making.addAll(tableKeys);
            steps.add(new Step(logged, table, tableKeys.isEmpty() ? "made logged" : "made logged and keyed", making,
                    Set.of()));
            List<String> tableIndexes = new ArrayList<>(indexes.getOrDefault(table, List.of()));
            tableIndexes.sort((a, b) -> Boolean.compare(isGin(b), isGin(a)));
            Set<String> built = new HashSet<>();
            built.add(logged);
            for (int i = 0; i < tableIndexes.size(); i++) {
                String id = "index:" + table + ":" + i;
                steps.add(new Step(id, table, indexName(tableIndexes.get(i)), List.of(tableIndexes.get(i)),
                        Set.of(logged)));
                built.add(id);
            }
            steps.add(new Step("analyzed:" + table, table, "analyzed",
                    analyses.getOrDefault(table, List.of("analyze " + schema + "." + table)), Set.copyOf(built)));
        }
        steps.sort(java.util.Comparator.comparingInt(CopyFinisher::kind));
        return List.copyOf(steps);
    }

    /** The order of a step's kind in the plan: a GIN index, a copy made logged, another index, an analysis. */
    private static int kind(Step step) {
        if (step.id().startsWith("index:")) {
            return isGin(step.statements().get(0)) ? 0 : 2;
        }
        return step.id().startsWith("logged:") ? 1 : 3;
    }

    private static boolean isGin(String index) {
        return index.toLowerCase(Locale.ROOT).contains(" using gin ");
    }

    private static String indexName(String index) {
        String[] words = index.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equalsIgnoreCase("index")) {
                return "index " + words[i + 1];
            }
        }
        return "index";
    }

    /**
     * Runs the steps on {@code lanes} threads, each taking the first step of the plan whose predecessors are done.
     * Answers each lane's steps in the order it ran them. The first failure stops every lane from taking another step
     * and is thrown once the running steps have ended.
     */
    static List<List<Done>> run(List<Step> steps, int lanes, Runner runner) throws InterruptedException {
        Schedule schedule = new Schedule(steps);
        ExecutorService pool = Executors.newFixedThreadPool(lanes, runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-lane");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Done>>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                running.add(pool.submit(() -> {
                    List<Done> done = new ArrayList<>();
                    for (Step step = schedule.next(); step != null; step = schedule.next()) {
                        long started = System.nanoTime();
                        try {
                            runner.run(step);
                        } catch (RuntimeException | Error e) {
                            schedule.fail();
                            throw e;
                        }
                        done.add(new Done(step, (System.nanoTime() - started) / 1e9));
                        schedule.done(step);
                    }
                    return done;
                }));
            }
            List<List<Done>> answer = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<List<Done>> lane : running) {
                try {
                    answer.add(lane.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException cause ? cause
                                : new IllegalStateException("finishing the copies failed", e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return answer;
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
        }
    }

    /** The steps not yet taken, and those done; a lane waits here for a step to become ready. */
    private static final class Schedule {
        private final List<Step> pending;
        private final Set<String> done = new HashSet<>();
        private int running;
        private boolean failed;

        Schedule(List<Step> steps) {
            Set<String> ids = new HashSet<>();
            for (Step step : steps) {
                if (!ids.add(step.id())) {
                    throw new IllegalArgumentException("two steps " + step.id());
                }
            }
            for (Step step : steps) {
                if (!ids.containsAll(step.after())) {
                    throw new IllegalArgumentException(step.id() + " waits for a step not planned: " + step.after());
                }
            }
            this.pending = new ArrayList<>(steps);
        }

        synchronized Step next() throws InterruptedException {
            while (!failed && !pending.isEmpty()) {
                for (int i = 0; i < pending.size(); i++) {
                    if (done.containsAll(pending.get(i).after())) {
                        running++;
                        return pending.remove(i);
                    }
                }
                if (running == 0) {
                    throw new IllegalStateException("steps waiting for one another: " + pending);
                }
                wait();
            }
            return null;
        }

        synchronized void done(Step step) {
            running--;
            done.add(step.id());
            notifyAll();
        }

        synchronized void fail() {
            running--;
            failed = true;
            notifyAll();
        }
    }
}
