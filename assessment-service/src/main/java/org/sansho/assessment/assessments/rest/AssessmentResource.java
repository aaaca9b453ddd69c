package org.sansho.assessment.assessments.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.service.AssessmentAccess;
import org.sansho.assessment.assessments.service.AssessmentReview;
import org.sansho.assessment.assessments.service.Rebaselining;
import org.sansho.assessment.findings.service.FindingWorkflow;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.platform.security.ScopedOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Assessments of contract phases: items, vendor responses, reviewer evaluations, verdicts")
public class AssessmentResource {

    static final String KEY_PATTERN = "[A-Za-z0-9._:\\-]{1,200}";
    /**
     * The operations of a respondent link's scoped token (contract-service, invitation scope ASSESSMENT): reading
     * the assessments of the token's contract and answering their items as the vendor.
     */
    static final String RESPONDENT_READ = "assessment.read";
    static final String RESPONDENT_ANSWER = "assessment.answer";

    private final Caller caller;
    private final AssessmentReview review;
    private final Rebaselining rebaselining;

    public AssessmentResource(Caller caller, AssessmentReview review, Rebaselining rebaselining) {
        this.caller = caller;
        this.review = review;
        this.rebaselining = rebaselining;
    }

    @ScopedOperation(value = RESPONDENT_READ, pathParameter = "contract", query = true)
    @GET
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List the assessments the caller may see",
            description = "A vendor sees its own, procurement its hospital's, an auditor its organization's. Newest first. "
                    + "A respondent link's scoped token (contract-service, invitation scope ASSESSMENT) lists its "
                    + "contract's assessments only, and must name it: ?contract=<the token's contract> (404 otherwise).")
    @APIResponse(responseCode = "200", description = "One page of assessments")
    public Page<AssessmentView> listAssessments(@QueryParam("contract") UUID contract, @QueryParam("hospital") UUID hospital,
                                     @QueryParam("vendor") UUID vendor, @QueryParam("phase") @Parameter(description = "PRE_CONTRACT, IN_CONTRACT or POST_TERMINATION") String phase,
                                     @QueryParam("status") @Parameter(description = "Workflow status, e.g. UNDER_REVIEW") String status,
                                     @QueryParam("verdict") @Parameter(description = "ACCEPTABLE, CONDITIONAL or UNACCEPTABLE") String verdict, @Valid @BeanParam PageParams page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.isService()) {
            caller.requireOrganization();
        }
        // Which assessments the caller may see is the platform's tenant filter; these are the caller's own filters.
        filter(where, params, "contractId", contract);
        filter(where, params, "hospitalId", hospital);
        filter(where, params, "vendorId", vendor);
        filter(where, params, "phase", QueryValues.one("phase", phase, AssessmentPhase.class));
        filter(where, params, "status", QueryValues.one("status", status, AssessmentStatus.class));
        filter(where, params, "verdict", QueryValues.one("verdict", verdict, Verdict.class));
        PanacheQuery<Assessment> query = Assessment.find(String.join(" and ", where),
                Sort.descending("createdAt").and("id"), params);
        return Page.of(query, page, AssessmentView::of);
    }

    @ScopedOperation(value = RESPONDENT_READ, record = "assessment")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Read one assessment",
            description = "ETag = its version; If-None-Match with the current ETag answers 304 without a body.")
    @APIResponse(responseCode = "200", description = "The assessment", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such assessment, or one of another organization")
    public Response getAssessment(@PathParam("id") UUID id, @Context Request request) {
        Assessment a = AssessmentAccess.readable(id);
        return Preconditions.read(request, a.version, () -> AssessmentView.of(a));
    }

    @ScopedOperation(value = RESPONDENT_READ, record = "assessment")
    @GET
    @Path("/{id}/items")
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List the items of an assessment", description = "In catalog order")
    @APIResponse(responseCode = "200", description = "One page of items")
    public Page<ItemView> listItems(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Assessment a = AssessmentAccess.readable(id);
        Map<UUID, UUID> findings = FindingWorkflow.idsByItem(a.id);
        return Page.of(AssessmentReview.items(a.id), page, i -> ItemView.of(i, findings.get(i.id)));
    }

    @ScopedOperation(value = RESPONDENT_READ, record = "assessment")
    @GET
    @Path("/{id}/items/{key}")
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Read one item", description = "ETag = the item's version, needed as If-Match to answer or evaluate it")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public Response getItem(@PathParam("id") UUID id,
                         @PathParam("key") @Pattern(regexp = KEY_PATTERN) String key) {
        Assessment a = AssessmentAccess.readable(id);
        AssessmentItem item = AssessmentReview.item(a, key);
        return Response.ok(view(item)).tag(Preconditions.etag(item.version)).build();
    }

    @ScopedOperation(value = RESPONDENT_ANSWER, record = "assessment")
    @PUT
    @Path("/{id}/items/{key}/response")
    @Transactional
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT})
    @Operation(summary = "Answer one item (the side the responsibility split names)",
            description = "The item's answeredBy, from the contract's responsibility split (責任分界), says who answers: "
                    + "VENDOR items the assessed vendor, HOSPITAL items the hospital's procurement (self-assessment), "
                    + "BOTH items each side for its part (the item counts as answered once both have). The other side "
                    + "gets 403. Allowed while OPEN or VENDOR_RESPONDING, and during review for items returned with "
                    + "NEEDS_INFO. Needs If-Match with the item's ETag. A respondent link's scoped token (invitation "
                    + "scope ASSESSMENT, operation assessment.answer) answers as the vendor, on its contract's "
                    + "assessments only.")
    @APIResponse(responseCode = "200", description = "The answered item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "403", description = "The caller's side does not answer this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow an answer now")
    @APIResponse(responseCode = "412", description = "The item changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response putResponse(@PathParam("id") UUID id, @PathParam("key") @Pattern(regexp = KEY_PATTERN) String key,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull ResponseRequest request) {
        Assessment a = AssessmentAccess.readable(id);
        AnsweringSide.Caller side = AssessmentAccess.answeringSide(a, caller);
        AssessmentItem item = review.respond(a, key, ifMatch, side, request.status(), request.justification(),
                request.statement(), request.evidence(), caller.subject());
        AssessmentItem.getEntityManager().flush();
        return Response.ok(view(item)).tag(Preconditions.etag(item.version)).build();
    }

    @ScopedOperation(value = RESPONDENT_ANSWER, record = "assessment")
    @POST
    @Path("/{id}/items/{key}/response/confirmation")
    @Transactional
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT})
    @Operation(summary = "Confirm an answer carried over from a replaced requirement",
            description = "A re-baseline across a key change carries the answers of a removed requirement to the one "
                    + "that supersedes it or is equivalent to it (the catalog's mappings), marked 'carried over, "
                    + "confirm' (carryOver PENDING). The side that answers the item confirms its carried answer "
                    + "here, after reading it against the new requirement's text (合意の維持, 2省GL §3.2.2); "
                    + "answering the item again (PUT .../response) confirms it too. The assessment cannot be "
                    + "submitted while a carried answer waits. Needs If-Match with the item's ETag.")
    @APIResponse(responseCode = "200", description = "The item, its answer now CONFIRMED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "403", description = "The caller's side does not answer this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item, or an assessment of another organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller's answer is not a carried-over one waiting for "
            + "confirmation, or the workflow does not allow answers now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The item changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response confirmCarriedOverResponse(@PathParam("id") UUID id,
                                               @PathParam("key") @Pattern(regexp = KEY_PATTERN) String key,
                                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Assessment a = AssessmentAccess.readable(id);
        AnsweringSide.Caller side = AssessmentAccess.answeringSide(a, caller);
        AssessmentItem item = review.confirmCarriedOver(a, key, ifMatch, side, caller.subject());
        AssessmentItem.getEntityManager().flush();
        return Response.ok(view(item)).tag(Preconditions.etag(item.version)).build();
    }

    @PUT
    @Path("/{id}/items/{key}/evaluation")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Evaluate one item (reviewer)",
            description = "Allowed while UNDER_REVIEW. NEEDS_INFO returns the item to the vendor. Needs If-Match with the item's ETag.")
    @APIResponse(responseCode = "200", description = "The evaluated item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow an evaluation now")
    @APIResponse(responseCode = "412", description = "The item changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response putEvaluation(@PathParam("id") UUID id, @PathParam("key") @Pattern(regexp = KEY_PATTERN) String key,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull EvaluationRequest request) {
        Assessment a = AssessmentAccess.reviewable(id, caller);
        AssessmentItem item = review.evaluate(a, key, ifMatch, request.evaluation(), request.comment(),
                caller.subject());
        AssessmentItem.getEntityManager().flush();
        return Response.ok(view(item)).tag(Preconditions.etag(item.version)).build();
    }

    @POST
    @Path("/{id}/submit")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Submit the answers for review (vendor)",
            description = "Every item must be answered, and every answer carried over by a re-baseline from a "
                    + "replaced requirement confirmed (the problem names the items still waiting)")
    @APIResponse(responseCode = "200", description = "The assessment, now UNDER_REVIEW",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Refused; the problem names the failed guards")
    public Response submitAssessment(@PathParam("id") UUID id) {
        Assessment a = AssessmentAccess.answerable(id, caller);
        review.submit(a);
        return current(a);
    }

    @POST
    @Path("/{id}/complete")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Complete the review and compute the verdict (reviewer)",
            description = "Every item must be evaluated CONFORMANT or NONCONFORMANT. The verdict follows the documented rule: "
                    + "an open mandatory nonconformity not risk-accepted → UNACCEPTABLE; only recommended gaps or accepted risks → CONDITIONAL; else ACCEPTABLE.")
    @APIResponse(responseCode = "200", description = "The completed assessment with its result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Refused; the problem names the failed guards")
    public Response completeAssessment(@PathParam("id") UUID id) {
        Assessment a = AssessmentAccess.reviewable(id, caller);
        review.complete(a);
        return current(a);
    }

    @POST
    @Path("/{id}/rebaseline")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Move a STALE assessment to the new baseline",
            description = "preview=true only reports what would change. Applying adds new and changed requirements "
                    + "(changed ones lose their answers), keeps the answers of unchanged keys and drops removed ones. "
                    + "An answer of a removed key is carried over to an added requirement that the catalog maps it "
                    + "to (removed SUPERSEDED_BY added, or EQUIVALENT either way), for the side that answers the "
                    + "added item, marked 'carried over, confirm' with the source key: the side confirms it "
                    + "(POST .../response/confirmation) or answers again before the assessment can be submitted. "
                    + "When several answered removed keys map to one added key, none is carried: they are listed "
                    + "as candidates and the item is answered afresh.")
    @APIResponse(responseCode = "200", description = "What the re-baseline adds, changes, keeps, removes and carries over",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Rebaselining.Plan.class)))
    @APIResponse(responseCode = "409", description = "The assessment is not stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The catalog refused to list the mappings; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog could not be reached; retry later")
    public Rebaselining.Plan rebaselineAssessment(@PathParam("id") UUID id,
                                        @QueryParam("preview") @DefaultValue("true")
                                        @Parameter(description = "Only report the changes") boolean preview) {
        Assessment a = AssessmentAccess.reviewable(id, caller);
        return rebaselining.rebaseline(a, preview);
    }

    private static Response current(Assessment a) {
        Assessment.getEntityManager().flush();
        return Response.ok(AssessmentView.of(a)).tag(Preconditions.etag(a.version)).build();
    }

    private static ItemView view(AssessmentItem item) {
        return ItemView.of(item, FindingWorkflow.idOf(item.id));
    }

    private static void filter(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

}
