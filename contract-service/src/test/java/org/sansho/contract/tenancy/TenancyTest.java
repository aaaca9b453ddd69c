package org.sansho.contract.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.reagreements.service.GuidelineChange;
import org.sansho.contract.reagreements.service.ReagreementService;
import org.sansho.platform.tenancy.NoTenantScopeException;
import org.sansho.platform.tenancy.Tenancy;
import org.sansho.testsupport.tenancy.ForgottenClause;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;
import static org.sansho.testsupport.tenancy.ForgottenClause.found;
import static org.sansho.testsupport.tenancy.ForgottenClause.rows;
import static org.sansho.testsupport.tenancy.ForgottenClause.values;

/**
 * Tenancy is enforced below the resources: a query or a load by id written without any tenancy clause
 * ({@link ForgottenClauseResource}, {@link ForgottenClause}) still sees only the caller's rows, and work without a caller that forgot to
 * declare the system scope fails instead of reading.
 */
@QuarkusTest
class TenancyTest {

    @Inject
    ReagreementService reagreements;

    Fixtures.Parties a;
    Fixtures.Parties b;
    UUID contractOfA;
    UUID contractOfB;

    @BeforeEach
    void twoOrganizationsWithAContractEach() {
        a = Fixtures.parties();
        b = Fixtures.parties();
        contractOfA = Fixtures.openContract(a);
        contractOfB = Fixtures.openContract(b);
        for (UUID id : List.of(contractOfA, contractOfB)) {
            Fixtures.Parties p = id.equals(contractOfA) ? a : b;
            as("procurement", p.hospital()).body(Map.of("to", "CANCELLED"))
                    .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(200);
        }
    }

    @Test
    void a_plain_list_of_every_contract_answers_only_the_callers_side() {
        List<Map<String, String>> hospitalSees = rows(as("procurement", a.hospital()), "Contract",
                "id", "hospitalId", "vendorId");
        assertThat(hospitalSees).extracting(c -> c.get("id")).contains(contractOfA.toString())
                .doesNotContain(contractOfB.toString());
        assertThat(hospitalSees).allSatisfy(c -> assertThat(c.get("hospitalId")).isEqualTo(a.hospital().toString()));

        List<Map<String, String>> vendorSees = rows(as("vendor", a.vendor()), "Contract",
                "id", "hospitalId", "vendorId");
        assertThat(vendorSees).extracting(c -> c.get("id")).contains(contractOfA.toString())
                .doesNotContain(contractOfB.toString());
        assertThat(vendorSees).allSatisfy(c -> assertThat(c.get("vendorId")).isEqualTo(a.vendor().toString()));

        // The hospital's procurement is not the vendor's side: a procurement token of the vendor sees none of them.
        assertThat(values(as("procurement", a.vendor()), "Contract", "id")).doesNotContain(contractOfA.toString());
    }

    @Test
    void a_plain_hql_query_answers_only_the_callers_rows() {
        assertThat(values(as("auditor", a.hospital()), "Contract", "id")).contains(contractOfA.toString()).doesNotContain(contractOfB.toString());
    }

    @Test
    void a_load_by_id_of_another_organizations_row_finds_nothing() {
        assertThat(found(as("procurement", a.hospital()), "Contract", contractOfA)).isTrue();
        assertThat(found(as("procurement", a.hospital()), "Contract", contractOfB)).isFalse();
        assertThat(found(as("vendor", a.vendor()), "Contract", contractOfB)).isFalse();
    }

    @Test
    void rows_that_belong_to_a_contract_are_seen_only_with_it() {
        List<String> transitions = values(as("procurement", a.hospital()), "ContractTransition", "contractId");
        assertThat(transitions).contains(contractOfA.toString()).doesNotContain(contractOfB.toString());
    }

    @Test
    void a_plain_list_of_organizations_answers_only_those_the_caller_may_see() {
        List<String> orgs = values(as("vendor", a.vendor()), "Organization", "id");
        // itself and the counterpart of its contract; not the other parties
        assertThat(orgs).contains(a.vendor().toString(), a.hospital().toString())
                .doesNotContain(b.vendor().toString(), b.hospital().toString());
        List<String> serviceOwners = values(as("procurement", a.hospital()), "VendorService", "organizationId");
        assertThat(serviceOwners).contains(a.vendor().toString()).doesNotContain(b.vendor().toString());
    }

    @Test
    void a_service_token_sees_every_organizations_rows() {
        assertThat(values(as("service", null), "Contract", "id")).contains(contractOfA.toString(), contractOfB.toString());
    }

    @Test
    void a_read_with_no_caller_and_no_system_scope_fails_loudly() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> Contract.findById(contractOfA)))
                .isInstanceOf(NoTenantScopeException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> Contract.listAll()))
                .isInstanceOf(NoTenantScopeException.class);
    }

    @Test
    void a_consumers_effect_run_outside_the_inbox_fails_loudly_and_runs_under_the_system_scope() {
        String guideline = "tenancy-guideline-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.publishVersion(guideline, "1.0", List.of("T-1"));
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(a, "6.0", "2.0"));
        body.put("baseline", List.of(Map.of("guidelineId", guideline, "version", "1.0")));
        String live = as("procurement", a.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id");
        VersionRef superseded = new VersionRef(guideline, "1.0");
        VersionRef by = new VersionRef(guideline, "1.1");
        GuidelineChange change = new GuidelineChange(superseded, by, List.of(), List.of("K-1"), List.of());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(
                () -> reagreements.openForPublication(change)))
                .isInstanceOf(NoTenantScopeException.class);
        as("procurement", a.hospital()).get("/api/v1/contracts/" + live).then().body("reagreementRequired", is(false));

        int flagged = QuarkusTransaction.requiringNew().call(() -> Tenancy.system("tenancy test",
                () -> reagreements.openForPublication(change)));
        assertThat(flagged).isEqualTo(1);
        as("procurement", a.hospital()).get("/api/v1/contracts/" + live).then().body("reagreementRequired", is(true));
    }
}
