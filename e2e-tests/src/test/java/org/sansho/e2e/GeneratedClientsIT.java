package org.sansho.e2e;

import org.junit.jupiter.api.Test;
import org.sansho.client.assessment.api.AssessmentsApi;
import org.sansho.client.assessment.model.Evaluation;
import org.sansho.client.assessment.model.EvaluationRequest;
import org.sansho.client.assessment.model.EvidenceRef;
import org.sansho.client.assessment.model.PageAssessmentView;
import org.sansho.client.assessment.model.ResponseRequest;
import org.sansho.client.assessment.model.ResponseStatus;
import org.sansho.client.assessment.model.Verdict;
import org.sansho.client.contract.ApiException;
import org.sansho.client.contract.api.ContractsApi;
import org.sansho.client.catalog.api.ReferenceDataApi;
import org.sansho.client.contract.api.DisclosureApi;
import org.sansho.client.contract.api.ResponsibilitySplitApi;
import org.sansho.client.contract.model.ResponsibilityBody;
import org.sansho.client.contract.model.ResponsibilitySplitBody;
import org.sansho.client.contract.model.ResponsibleParty;
import org.sansho.client.contract.api.OrganizationsApi;
import org.sansho.client.contract.model.ContractState;
import org.sansho.client.contract.model.ContractView;
import org.sansho.client.contract.model.DataCategory;
import org.sansho.client.contract.model.DataLocationBody;
import org.sansho.client.contract.model.DisclosureAnswerBody;
import org.sansho.client.contract.model.DisclosureItemView;
import org.sansho.client.contract.model.DisclosurePackageView;
import org.sansho.client.contract.model.DisclosureReviewBody;
import org.sansho.client.contract.model.NewContract;
import org.sansho.client.contract.model.NewOrganization;
import org.sansho.client.contract.model.NewService;
import org.sansho.client.contract.model.OrganizationKind;
import org.sansho.client.contract.model.ReviewDecision;
import org.sansho.client.contract.model.ServiceModel;
import org.sansho.client.contract.model.SlaBody;
import org.sansho.client.contract.model.TermBody;
import org.sansho.client.contract.model.TransitionRequest;
import org.sansho.client.contract.model.VersionRefBody;
import org.sansho.testsupport.ServiceProcess;
import org.sansho.testsupport.TestTokens;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A contract's pre-contract phase driven only through the Java clients that openapi-generator made from the
 * committed OpenAPI documents (module api-clients), as a procurement system or a vendor portal would: a change of
 * the documents that breaks a generated client breaks this scenario.
 */
class GeneratedClientsIT {

    private final Suite suite = Suite.get();

    @Test
    void a_contract_is_agreed_through_the_generated_clients() throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        OrganizationsApi hospitalOrganizations = new OrganizationsApi(contractClient("procurement", hospital));
        OrganizationsApi vendorOrganizations = new OrganizationsApi(contractClient("vendor", vendor));
        ContractsApi procurement = new ContractsApi(contractClient("procurement", hospital));
        AssessmentsApi vendorAssessments = new AssessmentsApi(assessmentClient("vendor", vendor));
        AssessmentsApi hospitalAssessments = new AssessmentsApi(assessmentClient("procurement", hospital));

        hospitalOrganizations.registerOrganization(new NewOrganization().kind(OrganizationKind.HOSPITAL)
                .nameJa("みなと総合病院").corporateNumber(Suite.corporateNumber()), null);
        assertThat(hospitalOrganizations.registerOrganization(new NewOrganization().kind(OrganizationKind.VENDOR)
                .id(vendor).nameJa("ヘルスクラウド株式会社").corporateNumber(Suite.corporateNumber()), null).getId())
                .isEqualTo(vendor);
        UUID service = vendorOrganizations.addService(vendor, new NewService().name("クラウド型電子カルテ")
                .serviceModel(ServiceModel.SAAS).dataLocations(List.of(new DataLocationBody().country("JP")
                        .region("Tokyo").domesticJurisdiction(true))), null).getId();

        // The contract-service learns the published versions after its start (catalog.events and one read): until
        // then a baseline is refused with 422, which the generated client raises as an ApiException.
        NewContract request = new NewContract().vendorId(vendor).serviceId(service)
                .title("電子カルテ クラウドサービス利用契約")
                .baseline(List.of(new VersionRefBody().guidelineId("mhlw-medical-information-security").version("6.0"),
                        new VersionRefBody().guidelineId("meti-mic-medical-service-provider").version("2.0")))
                .dataCategories(List.of(DataCategory.LEGAL_RETENTION_RECORDS))
                .term(new TermBody().startDate(LocalDate.of(2026, 4, 1)).endDate(LocalDate.of(2029, 3, 31))
                        .autoRenewal(true).hospitalNoticeDays(90).vendorNoticeDays(180))
                .sla(new SlaBody().availabilityPercent(new BigDecimal("99.5")).rtoHours(24).rpoHours(24)
                        .incidentNotificationHours(1).dataRegion("JP-East"));
        ContractView opened = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> procurement.openContract(request, null), c -> c != null);
        UUID contractId = opened.getId();
        assertThat(opened.getState()).isEqualTo(ContractState.DRAFT);

        procurement.transitionContract(contractId, new TransitionRequest().to(ContractState.DISCLOSURE_REQUESTED)
                .reason("disclosure requested"), null, null);
        UUID assessmentId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> hospitalAssessments.listAssessments(contractId, null, null, null, null, null, null, null,
                        null), (PageAssessmentView page) -> page.getItems() != null && page.getItems().size() == 1
                        && "OPEN".equals(String.valueOf(page.getItems().get(0).getStatus())))
                .getItems().get(0).getId();

        List<String> keys = itemKeys(vendorAssessments, assessmentId);
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            String etag = etag(vendorAssessments.getItemWithHttpInfo(assessmentId, key).getHeaders());
            vendorAssessments.putResponse(assessmentId, key, etag, new ResponseRequest()
                    .status(ResponseStatus.IMPLEMENTED).statement("in place")
                    .evidence(List.of(new EvidenceRef().name("ISMS certificate")
                            .uri("https://vendor.example/isms.pdf"))));
        }
        vendorAssessments.submitAssessment(assessmentId);
        // The disclosure package: the vendor answers every row, the hospital accepts each answer; the shared
        // understanding (共通理解, 2省GL §3.2.1) is what UNDER_ASSESSMENT needs.
        DisclosureApi vendorDisclosure = new DisclosureApi(contractClient("vendor", vendor));
        DisclosureApi hospitalDisclosure = new DisclosureApi(contractClient("procurement", hospital));
        List<String> rows = vendorDisclosure.getDisclosurePackage(contractId).getItems().stream()
                .map(DisclosureItemView::getKey).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            vendorDisclosure.answerDisclosureItem(contractId, row,
                    new DisclosureAnswerBody().statement("回答: " + row), null);
        }
        DisclosurePackageView reviewed = null;
        for (String row : rows) {
            reviewed = hospitalDisclosure.reviewDisclosureItem(contractId, row,
                    new DisclosureReviewBody().decision(ReviewDecision.ACCEPTED), null, null);
        }
        assertThat(reviewed.getSharedUnderstanding()).isTrue();
        procurement.transitionContract(contractId, new TransitionRequest().to(ContractState.UNDER_ASSESSMENT)
                .reason("answers in"), null, null);

        for (String key : keys) {
            String etag = etag(hospitalAssessments.getItemWithHttpInfo(assessmentId, key).getHeaders());
            hospitalAssessments.putEvaluation(assessmentId, key, etag,
                    new EvaluationRequest().evaluation(Evaluation.CONFORMANT));
        }
        assertThat(hospitalAssessments.completeAssessment(assessmentId).getResult().getVerdict())
                .isEqualTo(Verdict.ACCEPTABLE);

        // The generated client reports a refusal as an ApiException carrying the problem+json body.
        assertThatThrownBy(() -> procurement.transitionContract(contractId, new TransitionRequest()
                .to(ContractState.CLOSED).reason("not from here"), null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
                });

        // The responsibility split (責任分界): the hospital gives every item of the catalog's role-sharing checklist the
        // side the catalog suggests, the vendor acknowledges it; AGREED needs both.
        ReferenceDataApi catalog = new ReferenceDataApi(catalogClient());
        List<ResponsibilityBody> split = catalog.getDisclosureTemplate("role-sharing-checklist-2024").getItems()
                .stream().map(item -> new ResponsibilityBody().key(item.getRef())
                        .party(item.getParty() == null || item.getParty().getValue().equals("SUBCONTRACTOR")
                                ? ResponsibleParty.VENDOR : ResponsibleParty.fromValue(item.getParty().getValue()))
                        .note("as the checklist suggests")).toList();
        ResponsibilitySplitApi hospitalSplit = new ResponsibilitySplitApi(contractClient("procurement", hospital));
        assertThat(hospitalSplit.setResponsibilitySplit(contractId, new ResponsibilitySplitBody().items(split), null)
                .getComplete()).isTrue();
        assertThat(new ResponsibilitySplitApi(contractClient("vendor", vendor))
                .acknowledgeResponsibilitySplit(contractId).getAcknowledgement()).isNotNull();

        // The verdict travels to the contract-service; then AGREED is allowed.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                procurement.transitionContract(contractId, new TransitionRequest().to(ContractState.AGREED)
                        .reason("signed").signedOn(LocalDate.of(2026, 3, 20)), null, null).getState()
                        == ContractState.AGREED);
        assertThat(procurement.getContract(contractId).getState()).isEqualTo(ContractState.AGREED);
    }

    /** The ETag of a response, as the generated client hands its headers over (names in lower case). */
    private static String etag(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
    }

    private static List<String> itemKeys(AssessmentsApi api, UUID assessmentId) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int page = 0; ; page++) {
            var items = api.listItems(assessmentId, null, page, 100);
            items.getItems().forEach(i -> keys.add(i.getKey()));
            if (page + 1 >= items.getTotalPages()) {
                return keys;
            }
        }
    }

    private org.sansho.client.contract.ApiClient contractClient(String role, UUID organization) {
        org.sansho.client.contract.ApiClient client = new org.sansho.client.contract.ApiClient();
        client.updateBaseUri(base(suite.contract));
        String token = TestTokens.token(role, organization);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private org.sansho.client.catalog.ApiClient catalogClient() {
        org.sansho.client.catalog.ApiClient client = new org.sansho.client.catalog.ApiClient();
        client.updateBaseUri(base(suite.catalog));
        String token = TestTokens.token("service");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

        private org.sansho.client.assessment.ApiClient assessmentClient(String role, UUID organization) {
        org.sansho.client.assessment.ApiClient client = new org.sansho.client.assessment.ApiClient();
        client.updateBaseUri(base(suite.assessment));
        String token = TestTokens.token(role, organization);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String base(ServiceProcess service) {
        return URI.create(service.baseUrl()).toString();
    }
}
