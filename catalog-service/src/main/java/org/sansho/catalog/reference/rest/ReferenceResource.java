package org.sansho.catalog.reference.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.CiaImpact;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Threat;
import org.sansho.catalog.guidelines.domain.ThreatGroup;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.DisclosureTemplateEntity;
import org.sansho.catalog.guidelines.persistence.ThreatEntity;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Roles;

import java.util.Arrays;
import java.util.List;

/** The threat catalogue and the vendor disclosure templates: reference data beside the guidelines. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Threat catalogue and disclosure templates")
public class ReferenceResource {

    @GET
    @Path("/threats")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List threats", description = "The threat catalogue (MHLW 6.0 Q&A 企Q-19 groups, vendor "
            + "guideline 表5-1), optionally one group.")
    @APIResponse(responseCode = "200", description = "A page of threats")
    @APIResponse(responseCode = "400", description = "An unknown group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Threat> listThreats(@QueryParam("group") @Parameter(example = "CYBER") String group,
                                @Valid @BeanParam PageParams page) {
        ThreatGroup wanted = QueryValues.one("group", group, ThreatGroup.class);
        List<Threat> all = QuarkusTransaction.joiningExisting().call(() ->
                ThreatEntity.<ThreatEntity>list("order by code").stream()
                        .filter(t -> wanted == null || t.group == wanted)
                        .map(t -> new Threat(t.code, t.group, new LocalizedText(t.nameJa, t.nameEn),
                                new LocalizedText(t.descriptionJa, t.descriptionEn),
                                Arrays.stream(t.impact.split("")).map(CiaImpact::valueOf).toList(), t.source))
                        .toList());
        return Page.slice(all, page);
    }

    @GET
    @Path("/disclosure-templates")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List disclosure templates",
            description = "Vendor guideline 表4-1, the JAHIS SDS headings and the 2024 role-sharing checklist.")
    @APIResponse(responseCode = "200", description = "A page of templates with their items")
    public Page<DisclosureTemplate> listDisclosureTemplates(@Valid @BeanParam PageParams page) {
        List<DisclosureTemplate> all = QuarkusTransaction.joiningExisting().call(() ->
                DisclosureTemplateEntity.<DisclosureTemplateEntity>list("order by id").stream()
                        .map(CatalogStore::template).toList());
        return Page.slice(all, page);
    }

    @GET
    @Path("/disclosure-templates/{id}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Get a disclosure template", description = "A template and its items, each with the "
            + "requirement keys it evidences.")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No such template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DisclosureTemplate getDisclosureTemplate(@PathParam("id") @Parameter(example = "vendor-gl-table-4-1") String id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            DisclosureTemplateEntity t = DisclosureTemplateEntity.findById(id);
            if (t == null) {
                throw ProblemException.notFound("Disclosure template", id);
            }
            return CatalogStore.template(t);
        });
    }
}
