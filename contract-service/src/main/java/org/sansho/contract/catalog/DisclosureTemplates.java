package org.sansho.contract.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.sansho.contract.disclosures.domain.FactKind;
import org.sansho.contract.disclosures.domain.TemplateRow;
import org.sansho.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows a disclosure package is made of: every item of the catalog's DISCLOSURE templates (vendor guideline
 * 表4-1, the JAHIS SDS headings; not the role-sharing checklist), in the catalog's order. Asked of the catalog when a
 * package starts; a catalog that cannot answer makes the start wait (503), it never yields a package with rows
 * missing.
 */
@ApplicationScoped
public class DisclosureTemplates {

    private static final Logger LOG = Logger.getLogger(DisclosureTemplates.class);
    static final String DISCLOSURE = "DISCLOSURE";
    private static final int PAGE_SIZE = 100;

    private final CatalogClient catalog;

    public DisclosureTemplates(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public List<TemplateRow> rows() {
        List<DisclosureTemplatePage.Template> templates = new ArrayList<>();
        try {
            for (int page = 0; ; page++) {
                DisclosureTemplatePage p = catalog.disclosureTemplates(page, PAGE_SIZE);
                templates.addAll(p.items());
                if (p.items().size() < PAGE_SIZE || templates.size() >= p.totalItems()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("The catalog did not answer with its disclosure templates: %s", e.toString());
            throw ProblemException.of(503, "catalog-unavailable", "Catalog unavailable",
                    "The disclosure templates could not be read from the catalog; try again later");
        }
        List<TemplateRow> rows = new ArrayList<>();
        for (DisclosureTemplatePage.Template t : templates) {
            if (!DISCLOSURE.equals(t.kind())) {
                continue;
            }
            for (int i = 0; i < t.items().size(); i++) {
                DisclosureTemplatePage.Item item = t.items().get(i);
                List<String> requirements = item.requirements() == null ? List.of() : item.requirements();
                rows.add(new TemplateRow(TemplateRow.key(t.id(), i + 1), t.id(), item.ref(), item.text().ja(),
                        item.text().en(), requirements, FactKind.forRequirements(requirements)));
            }
        }
        if (rows.isEmpty()) {
            throw ProblemException.of(503, "catalog-unavailable", "Catalog unavailable",
                    "The catalog holds no disclosure template yet; try again later");
        }
        return rows;
    }
}
