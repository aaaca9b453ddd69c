package org.sansho.assessment.assessments.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.findings.service.FindingSnapshot;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;

import java.util.List;
import java.util.UUID;

/**
 * The audit records of this service's changes. Every record belongs to the hospital and the vendor of the
 * contract, so the auditors of both sides read it. What is digested before and after a change is the feature's own
 * snapshot ({@link AssessmentSnapshot}, {@link ItemSnapshot}, {@link FindingSnapshot}), never the API's view.
 */
@ApplicationScoped
public class AssessmentAudit {

    private final AuditTrail trail;

    public AssessmentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Names the service's own actor for the changes of the current transaction (a worker, a consumer). */
    public void actAs(String systemName, String requestId) {
        trail.actAs(AuditActor.system(systemName), requestId);
    }

    public void assessment(String action, Assessment a, AssessmentSnapshot before) {
        trail.record(action, "assessment", a.id, List.of(a.hospitalId, a.vendorId), before, AssessmentSnapshot.of(a));
    }

    public void item(String action, Assessment a, AssessmentItem item, ItemSnapshot before) {
        trail.record(action, "assessment-item", a.id + "/" + item.requirementKey, List.of(a.hospitalId, a.vendorId),
                before, ItemSnapshot.of(item));
    }

    /** A notice about an item that changes nothing of it (e.g. its evidence expiring): what was announced. */
    public void itemNotice(String action, UUID assessmentId, String requirementKey, UUID hospitalId, UUID vendorId,
                           Object notice) {
        trail.record(action, "assessment-item", assessmentId + "/" + requirementKey, List.of(hospitalId, vendorId),
                null, notice);
    }

    public void finding(String action, Finding f, FindingSnapshot before) {
        trail.record(action, "finding", f.id, List.of(f.hospitalId, f.vendorId), before, FindingSnapshot.of(f));
    }
}
