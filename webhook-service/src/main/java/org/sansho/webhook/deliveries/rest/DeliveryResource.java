package org.sansho.webhook.deliveries.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.service.DeliveryLog;
import org.sansho.webhook.subscriptions.service.Subscriptions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/endpoints/{id}")
@Tag(name = "Deliveries", description = "The delivery log of an endpoint, and replays")
public class DeliveryResource {

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final Caller caller;

    public DeliveryResource(Subscriptions subscriptions, DeliveryLog log, Caller caller) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.caller = caller;
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "The endpoint's deliveries, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "Unknown endpoint, or another organization's")
    public Page<DeliveryView> listDeliveries(@PathParam("id") UUID id,
                                   @QueryParam("status") @Parameter(description = "PENDING, DELIVERED or FAILED")
                                   DeliveryStatus status,
                                   @QueryParam("from") @Parameter(description = "ISO-8601 date-time, inclusive")
                                   String from,
                                   @QueryParam("to") @Parameter(description = "ISO-8601 date-time, exclusive")
                                   String to,
                                   @Valid @BeanParam PageParams page) {
        return log.list(subscriptions.visible(id, caller), status, instant("from", from), instant("to", to), page)
                .map(DeliveryView::of);
    }

    @GET
    @Path("/deliveries/{deliveryId}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "One delivery with its body and attempts (status, latency, response excerpt)")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public DeliveryDetail getDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryDetail.of(log.detail(subscriptions.visible(id, caller), deliveryId));
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Send one delivery again (same webhook-id), at once",
            description = "Its retry schedule starts afresh; later deliveries of the same subject wait for it.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public Response replayDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(log.replay(subscriptions.visible(id, caller), deliveryId))).build();
    }

    @POST
    @Path("/replay")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Send again every delivery of the endpoint planned in a time range",
            description = "E.g. after the receiver was down longer than the retry schedule. At most "
                    + DeliveryLog.MAX_RANGE + " deliveries per call.")
    @APIResponse(responseCode = "202", description = "Queued; the count says how many",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "An empty or too long range")
    @APIResponse(responseCode = "404", description = "Unknown endpoint, or another organization's")
    public Response replayDeliveries(@PathParam("id") UUID id, @Valid @NotNull ReplayRange range) {
        int n = log.replayRange(subscriptions.visible(id, caller), range.from().toInstant(), range.to().toInstant());
        return Response.accepted(new Replayed(n)).build();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 date-time with an offset");
        }
    }
}
