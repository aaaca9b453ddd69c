package org.sansho.assessment.posture.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A hospital's or a vendor's posture as the API answers it, and how it is summed from the read model's groups. */
@Schema(name = "Posture", description = "Contracts per phase and state, latest verdicts, open mandatory gaps and overdue findings")
public record PostureView(@Schema(example = "HOSPITAL") String organizationKind, UUID organizationId,
                          int contracts, Map<String, Integer> contractsByPhase,
                          Map<String, Integer> contractsByState, Map<String, Integer> verdicts,
                          int openMandatoryGaps, int overdueFindings) {

    /**
     * The organization's contracts that share a phase, a state and a verdict, with their gaps and overdue findings
     * summed: the posture read model grouped by PostgreSQL, so that a read carries a few groups, not a row per
     * contract.
     */
    public record Group(String phase, String state, String verdict, long contracts, long openMandatoryGaps,
                        long overdueFindings) {
    }

    /** The posture summed over its groups; a contract without a verdict yet counts in no verdict. */
    public static PostureView of(String organizationKind, UUID organizationId, List<Group> groups) {
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> verdicts = new TreeMap<>();
        long contracts = 0;
        long gaps = 0;
        long overdue = 0;
        for (Group g : groups) {
            int n = Math.toIntExact(g.contracts());
            phases.merge(g.phase(), n, Integer::sum);
            states.merge(g.state(), n, Integer::sum);
            if (g.verdict() != null) {
                verdicts.merge(g.verdict(), n, Integer::sum);
            }
            contracts += g.contracts();
            gaps += g.openMandatoryGaps();
            overdue += g.overdueFindings();
        }
        return new PostureView(organizationKind, organizationId, Math.toIntExact(contracts), phases, states, verdicts,
                Math.toIntExact(gaps), Math.toIntExact(overdue));
    }
}
