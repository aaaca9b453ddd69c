package org.sansho.benchmark.targets;

import java.util.Map;

/**
 * The suite's targets (benchmark/README.md, "Targets"), judged from the loads the stages recorded, by their names, in
 * the README's order. A target whose load was not measured (its stage not chosen, or the run ended early) is judged
 * not met with no figure.
 */
public final class SuiteTargets {

    /** The read ceiling as the ceilings stage measures it, alone. */
    public static final String READ_CEILING = "read ceiling: GET /rows/{id}";
    /** The read ceiling measured in turns with a read whose ratio to it is a target: this prefix, then the read. */
    public static final String READ_CEILING_IN_TURNS = "read ceiling, in turns with ";
    /** The applicability latency at half the read ceiling's rate. */
    public static final String APPLICABILITY_AT_RATE = "applicability (5000 requirements), open model";

    private SuiteTargets() {
    }

    public static void judge(Measured m, Targets t) {
        double write = m.requestsPerSecond("write ceiling: POST /rows");
        t.atLeastShare("contract GET by id", m.requestsPerSecond("contract GET by id"),
                readCeilingFor(m, "contract GET by id"), 0.7, "read ceiling req/s, in turns");
        t.atLeastShare("applicability (5,000 requirements)", m.requestsPerSecond("applicability (5000 requirements)"),
                readCeilingFor(m, "applicability (5000 requirements)"), 0.5, "read ceiling req/s, in turns");
        t.atMost("applicability (5,000 requirements) p99 at half the read ceiling's rate",
                m.p99Millis(APPLICABILITY_AT_RATE), 20, "ms");
        t.atLeastShare("contract create", m.requestsPerSecond("contract create: POST /contracts"), write, 0.5,
                "write ceiling TPS");
        t.atLeastShare("state transition", m.requestsPerSecond("transition: POST /contracts/{id}/transitions"), write,
                0.5, "write ceiling TPS");
        double event = m.p99Millis("transition → assessment visible, 50/s");
        t.atMost("event latency p99 at 50/s", event, 100, "ms");
        t.atMostTimes("event latency p99 at 50/s vs broker", event,
                m.p99Millis("broker ceiling: produce → consume, 50/s"), 3, "broker ceiling p99");
        for (Map.Entry<String, Double> e : m.restartMillis().entrySet()) {
            if (!e.getKey().equals("ceiling")) {
                t.atMost(e.getKey() + " ready after process start (restart)", e.getValue(), 2000, "ms");
                t.atMost(e.getKey() + " RSS after warm-up", m.rssMegabytes().getOrDefault(e.getKey(), Double.NaN),
                        200, "MB");
            }
        }
        t.atMostTimes("page latency p50, 100k vs 1k contracts", m.p50Millis("contract list page, 100,000 contracts"),
                m.p50Millis("contract list page, 1,000 contracts"), 1.5, "1k p50");
        t.atMostTimes("page latency p99, 100k vs 1k contracts", m.p99Millis("contract list page, 100,000 contracts"),
                m.p99Millis("contract list page, 1,000 contracts"), 1.5, "1k p99");
    }

    /** The read ceiling a read's ratio is judged against: the one measured in turns with it, else the stage's. */
    private static double readCeilingFor(Measured m, String read) {
        double inTurns = m.requestsPerSecond(READ_CEILING_IN_TURNS + read);
        return Double.isNaN(inTurns) ? m.requestsPerSecond(READ_CEILING) : inTurns;
    }
}
