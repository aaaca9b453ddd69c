package org.sansho.contract.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/**
 * Tenancy is enforced below the resources: a query or a load by id written without any tenancy clause
 * ({@link ForgottenClauseResource}) still sees only the caller's rows, and work without a caller that forgot to
 * declare the system scope fails instead of reading.
 */
@QuarkusTest
class TenancyTest {

    private static final String PATH = "/test-only/forgotten-clause";

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
        List<Map<String, String>> hospitalSees = as("procurement", a.hospital()).get(PATH + "/contracts").then()
                .statusCode(200).extract().as(new TypeRef<>() { });
        assertThat(hospitalSees).extracting(c -> c.get("id")).contains(contractOfA.toString())
                .doesNotContain(contractOfB.toString());
        assertThat(hospitalSees).allSatisfy(c -> assertThat(c.get("hospitalId")).isEqualTo(a.hospital().toString()));

        List<Map<String, String>> vendorSees = as("vendor", a.vendor()).get(PATH + "/contracts").then()
                .statusCode(200).extract().as(new TypeRef<>() { });
        assertThat(vendorSees).extracting(c -> c.get("id")).contains(contractOfA.toString())
                .doesNotContain(contractOfB.toString());
        assertThat(vendorSees).allSatisfy(c -> assertThat(c.get("vendorId")).isEqualTo(a.vendor().toString()));

        // The hospital's procurement is not the vendor's side: a procurement token of the vendor sees none of them.
        List<Map<String, String>> wrongSide = as("procurement", a.vendor()).get(PATH + "/contracts").then()
                .statusCode(200).extract().as(new TypeRef<>() { });
        assertThat(wrongSide).extracting(c -> c.get("id")).doesNotContain(contractOfA.toString());
    }

    @Test
    void a_plain_hql_query_answers_only_the_callers_rows() {
        List<String> ids = as("auditor", a.hospital()).get(PATH + "/contracts-hql").then().statusCode(200)
                .extract().as(new TypeRef<>() { });
        assertThat(ids).contains(contractOfA.toString()).doesNotContain(contractOfB.toString());
    }

    @Test
    void a_load_by_id_of_another_organizations_row_finds_nothing() {
        as("procurement", a.hospital()).get(PATH + "/contracts/" + contractOfA).then().statusCode(200)
                .body("found", is(true)).body("foundByEm", is(true));
        as("procurement", a.hospital()).get(PATH + "/contracts/" + contractOfB).then().statusCode(200)
                .body("found", is(false)).body("foundByEm", is(false));
        as("vendor", a.vendor()).get(PATH + "/contracts/" + contractOfB).then().statusCode(200)
                .body("found", is(false));
    }

    @Test
    void rows_that_belong_to_a_contract_are_seen_only_with_it() {
        List<String> transitions = as("procurement", a.hospital()).get(PATH + "/transitions").then()
                .statusCode(200).extract().as(new TypeRef<>() { });
        assertThat(transitions).contains(contractOfA.toString()).doesNotContain(contractOfB.toString());
    }

    @Test
    void a_plain_list_of_organizations_answers_only_those_the_caller_may_see() {
        List<String> orgs = as("vendor", a.vendor()).get(PATH + "/organizations").then().statusCode(200)
                .extract().as(new TypeRef<>() { });
        // itself and the counterpart of its contract; not the other parties
        assertThat(orgs).contains(a.vendor().toString(), a.hospital().toString())
                .doesNotContain(b.vendor().toString(), b.hospital().toString());
        List<String> serviceOwners = as("procurement", a.hospital()).get(PATH + "/services").then().statusCode(200)
                .extract().as(new TypeRef<>() { });
        assertThat(serviceOwners).contains(a.vendor().toString()).doesNotContain(b.vendor().toString());
    }

    @Test
    void a_service_token_sees_every_organizations_rows() {
        List<String> ids = as("service", null).get(PATH + "/contracts-hql").then().statusCode(200)
                .extract().as(new TypeRef<>() { });
        assertThat(ids).contains(contractOfA.toString(), contractOfB.toString());
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
