package org.sansho.webhook.subscriptions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;
import org.sansho.webhook.subscriptions.service.IssuedSecret;
import org.sansho.webhook.subscriptions.service.Subscriptions;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/endpoints")
@Tag(name = "Endpoints", description = "Webhook subscriptions of the caller's organization (Standard Webhooks)")
public class EndpointResource {

    private final Subscriptions subscriptions;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public EndpointResource(Subscriptions subscriptions, IdempotentRequests idempotency, Caller caller) {
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Subscribe an endpoint of the caller's organization to event types",
            description = "Answers the endpoint with its signing secret (whsec_…), shown this once. Only https URLs "
                    + "on public addresses. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body carries the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid URL (not https, a private address …) or event type")
    public Response createEndpoint(@Valid @NotNull NewEndpoint request,
                              @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /endpoints by " + caller.requireOrganization(), request, () -> {
            EndpointView created = view(subscriptions.subscribe(request.toCommand(), caller));
            return Response.created(URI.create("/api/v1/endpoints/" + created.id())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "The endpoints of the caller's organization")
    public Page<EndpointView> listEndpoints(@Valid @BeanParam PageParams page) {
        return subscriptions.list(caller, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "One endpoint (ETag)")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public Response getEndpoint(@PathParam("id") UUID id, @Context Request request) {
        WebhookEndpoint e = subscriptions.visible(id, caller);
        EndpointView view = view(e);
        return Response.ok(view).tag(Preconditions.etag(e.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Change an endpoint: URL, description, event types; enabled=true re-enables it",
            description = "Needs If-Match with the endpoint's ETag.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid URL or event type")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    @APIResponse(responseCode = "412", description = "The endpoint changed since the ETag was read")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response updateEndpoint(@PathParam("id") UUID id, @Valid @NotNull EndpointChange change,
                           @HeaderParam("If-Match") String ifMatch) {
        WebhookEndpoint e = subscriptions.visible(id, caller);
        Preconditions.requireIfMatch(ifMatch, e.version);
        EndpointView view = view(subscriptions.change(e, change.toCommand()));
        return Response.ok(view).tag(Preconditions.etag(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Remove an endpoint with its secrets and delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public Response deleteEndpoint(@PathParam("id") UUID id) {
        subscriptions.remove(subscriptions.visible(id, caller));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret/rotation")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Rotate the signing secret",
            description = "Answers the new secret, shown this once. Until the overlap ends every delivery carries two "
                    + "signatures (new, then previous), so the receiver can switch without losing a webhook. "
                    + "{} keeps the previous secret for a day.")
    @APIResponse(responseCode = "200", description = "Rotated; the body carries the new secret")
    @APIResponse(responseCode = "404", description = "Unknown, or another organization's")
    public EndpointView rotateEndpointSecret(@PathParam("id") UUID id, @Valid @NotNull SecretRotation rotation) {
        return view(subscriptions.rotate(subscriptions.visible(id, caller), rotation.overlapSeconds()));
    }

    private EndpointView view(WebhookEndpoint e) {
        return EndpointView.of(e, subscriptions.previousSecretExpiry(e));
    }

    /** The endpoint with the secret just issued: the one answer that shows it. */
    private EndpointView view(IssuedSecret issued) {
        return view(issued.endpoint()).withSecret(issued.secret());
    }
}
