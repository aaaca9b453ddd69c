package org.sansho.testsupport.tenancy;

import io.restassured.common.mapper.TypeRef;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

/**
 * The calls of a tenancy test to its service's {@link ForgottenClauseQueries}: what a query or a load by id written
 * without any tenancy clause answers the caller (a request with the caller's token).
 */
public final class ForgottenClause {

    /** Where a service's tests mount their {@link ForgottenClauseQueries}. */
    public static final String PATH = "/test-only/forgotten-clause";

    private ForgottenClause() {
    }

    /** {@code select e.<attribute> from <entity> e}: the values, as JSON strings (ids are UUIDs). */
    public static List<String> values(RequestSpecification caller, String entity, String attribute) {
        return rows(caller, entity, attribute).stream().map(row -> row.get(attribute)).toList();
    }

    /** {@code select e.<attribute>, … from <entity> e}: each row as attribute name to value. */
    public static List<Map<String, String>> rows(RequestSpecification caller, String entity, String... attributes) {
        return caller.queryParam("attribute", (Object[]) attributes).get(PATH + "/" + entity).then()
                .statusCode(200).extract().as(new TypeRef<>() { });
    }

    /** {@code EntityManager.find(<entity>, id)}: whether the caller's load by id found the row. */
    public static boolean found(RequestSpecification caller, String entity, Object id) {
        Boolean found = caller.get(PATH + "/" + entity + "/" + id).then().statusCode(200).extract().path("found");
        return found;
    }
}
