package org.sansho.platform.tenancy;

import org.junit.jupiter.api.Test;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one tenancy rule: which side of a hospital–vendor record each role of an organization sees. */
class TenantScopeTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static TenantScope of(String role, UUID org) {
        return TenantScope.of(new Caller("someone", Optional.ofNullable(org), Set.of(role)));
    }

    @Test
    void procurement_sees_its_hospitals_side_only() {
        TenantScope scope = of(Roles.PROCUREMENT, ORG);
        assertThat(scope.sees(ORG, OTHER)).isTrue();
        assertThat(scope.sees(OTHER, ORG)).isFalse();
        assertThat(scope.seesHospital(ORG)).isTrue();
        assertThat(scope.seesVendor(ORG)).isFalse();
    }

    @Test
    void a_vendor_sees_its_own_side_only() {
        TenantScope scope = of(Roles.VENDOR, ORG);
        assertThat(scope.sees(OTHER, ORG)).isTrue();
        assertThat(scope.sees(ORG, OTHER)).isFalse();
    }

    @Test
    void an_auditor_sees_both_sides_of_its_organization_and_nothing_else() {
        TenantScope scope = of(Roles.AUDITOR, ORG);
        assertThat(scope.sees(ORG, OTHER)).isTrue();
        assertThat(scope.sees(OTHER, ORG)).isTrue();
        assertThat(scope.sees(OTHER, OTHER)).isFalse();
    }

    @Test
    void a_service_sees_every_organization_and_a_token_without_organization_none() {
        assertThat(of(Roles.SERVICE, null).sees(OTHER, OTHER)).isTrue();
        TenantScope none = of(Roles.PROCUREMENT, null);
        assertThat(none.sees(ORG, ORG)).isFalse();
        assertThat(none.isOrganization(ORG)).isFalse();
    }

    @Test
    void outside_a_request_the_scope_is_system_work_when_declared_and_an_error_otherwise() {
        assertThatThrownBy(Tenancy::current).isInstanceOf(NoTenantScopeException.class);
        assertThat(Tenancy.system("test work", Tenancy::current)).isEqualTo(TenantScope.ALL);
        assertThat(Tenancy.isSystem()).isFalse();
        Tenancy.system("outer", () -> {
            Tenancy.system("inner", () -> assertThat(Tenancy.isSystem()).isTrue());
            assertThat(Tenancy.isSystem()).isTrue();
        });
        assertThat(Tenancy.isSystem()).isFalse();
    }
}
