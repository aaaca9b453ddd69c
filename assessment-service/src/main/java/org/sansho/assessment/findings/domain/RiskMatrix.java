package org.sansho.assessment.findings.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Risk analysis and evaluation after 2省GL ch.5 (aligned to JIS Q 31000): impact is judged across
 * confidentiality, integrity and availability and the highest of the three counts (p.33); it is combined with the
 * likelihood (顕在化率) into a risk level (表5-2).
 *
 * <p>Likelihood and each impact are rated 1 (very low) to 5 (very high); the risk score is likelihood × impact:
 * <pre>
 *               impact 1   2   3   4   5
 * likelihood 5       C   B   A   S   S
 *            4       C   B   A   A   S
 *            3       D   C   B   A   A
 *            2       D   C   C   B   B
 *            1       D   D   D   C   C
 * </pre>
 * i.e. score 20–25 → S, 12–16 → A, 8–10 → B, 4–6 → C, 1–3 → D.
 */
public final class RiskMatrix {

    private RiskMatrix() {
    }

    public static RiskLevel level(int likelihood, int confidentiality, int integrity, int availability) {
        check("likelihood", likelihood);
        check("impact.confidentiality", confidentiality);
        check("impact.integrity", integrity);
        check("impact.availability", availability);
        int impact = Math.max(confidentiality, Math.max(integrity, availability));
        int score = likelihood * impact;
        if (score >= 20) {
            return RiskLevel.S;
        }
        if (score >= 12) {
            return RiskLevel.A;
        }
        if (score >= 8) {
            return RiskLevel.B;
        }
        if (score >= 4) {
            return RiskLevel.C;
        }
        return RiskLevel.D;
    }

    /**
     * Whether a treatment fits a level (表5-2 criteria): S and A must be treated, so RETAIN is refused; S needs
     * layered measures, so REDUCE needs at least two measures (AVOID removes the risk instead).
     *
     * @return the reasons the treatment does not fit; empty when it does
     */
    public static List<String> treatmentProblems(RiskLevel level, RiskTreatment treatment, List<String> measures) {
        List<String> problems = new ArrayList<>();
        int count = measures == null ? 0 : measures.size();
        if ((level == RiskLevel.S || level == RiskLevel.A) && treatment == RiskTreatment.RETAIN) {
            problems.add("a risk of level " + level + " must be treated; RETAIN is only for residual risk");
        }
        if (level == RiskLevel.S && treatment == RiskTreatment.REDUCE && count < 2) {
            problems.add("a risk of level S needs layered measures: name at least two");
        }
        if (treatment == RiskTreatment.REDUCE && count == 0) {
            problems.add("REDUCE needs at least one measure");
        }
        return problems;
    }

    private static void check(String name, int value) {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException(name + " must be between 1 and 5");
        }
    }
}
