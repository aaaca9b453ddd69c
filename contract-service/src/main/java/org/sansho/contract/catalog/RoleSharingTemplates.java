package org.sansho.contract.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.sansho.contract.contracts.domain.RoleSharingChecklist;
import org.sansho.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The role-sharing checklist a responsibility split is built from: the catalog's template
 * ({@code sansho.role-sharing.template}, by default the 2024 確認表 {@code role-sharing-checklist-2024}) reduced to
 * its item keys, the Part each belongs to and the requirement keys each evidences. Read from the catalog on every
 * change of a split, so that a corrected template applies at once; a catalog that cannot be reached is a 503.
 */
@ApplicationScoped
public class RoleSharingTemplates {

    private static final Logger LOG = Logger.getLogger(RoleSharingTemplates.class);

    private final CatalogClient catalog;
    private final String templateId;

    public RoleSharingTemplates(@RestClient CatalogClient catalog,
                                @ConfigProperty(name = "sansho.role-sharing.template",
                                        defaultValue = "role-sharing-checklist-2024") String templateId) {
        this.catalog = catalog;
        this.templateId = templateId;
    }

    public RoleSharingChecklist checklist() {
        RoleSharingTemplateDocument document;
        try {
            document = catalog.template(templateId);
        } catch (RuntimeException e) {
            LOG.warnf("the role-sharing template %s could not be read from the catalog: %s", templateId,
                    e.toString());
            throw ProblemException.of(503, "catalog-unavailable", "Catalog unavailable",
                    "The role-sharing checklist could not be read from the catalog; retry later");
        }
        return checklist(document);
    }

    /** The checklist of a template document: its Part 1 and Part 2 items; items of neither part are left out. */
    public static RoleSharingChecklist checklist(RoleSharingTemplateDocument document) {
        List<RoleSharingChecklist.Item> items = new ArrayList<>();
        for (RoleSharingTemplateDocument.Item item : document.items() == null
                ? List.<RoleSharingTemplateDocument.Item>of() : document.items()) {
            RoleSharingChecklist.Part.of(item.ref()).ifPresent(part -> items.add(new RoleSharingChecklist.Item(
                    item.ref(), part, item.requirements() == null ? List.of() : List.copyOf(item.requirements()))));
        }
        return new RoleSharingChecklist(document.id(), items);
    }
}
