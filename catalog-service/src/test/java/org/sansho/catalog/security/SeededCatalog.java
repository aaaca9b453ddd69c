package org.sansho.catalog.security;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.security.World;

import java.util.UUID;

/**
 * Seeds what the access rules (authorization-rules.yaml) refer to, through the API as catalog-admin: a guideline
 * with version 1 published (a section, two requirements) and version 2 a draft copied from it, a guideline without
 * versions, the OSCAL export of version 1 and a draft "oscal" imported from it (with its import report).
 */
final class SeededCatalog {

    private SeededCatalog() {
    }

    static World seed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String guideline = "authz-" + suffix;
        String bare = "authz-bare-" + suffix;
        String key1 = "AZ-" + suffix + "-1";
        String key2 = "AZ-" + suffix + "-2";
        String base = "/api/v1/guidelines/" + guideline + "/versions";
        for (String id : new String[] {guideline, bare}) {
            admin().body("{\"id\":\"" + id + "\",\"issuer\":\"MHLW\",\"audience\":\"VENDOR\","
                    + "\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}").post("/api/v1/guidelines").then().statusCode(201);
        }
        admin().body("{\"version\":\"1\"}").post(base).then().statusCode(201);
        admin().body("{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}").put(base + "/1/sections/1").then()
                .statusCode(201);
        for (String key : new String[] {key1, key2}) {
            admin().body(requirement()).put(base + "/1/requirements/" + key).then().statusCode(201);
        }
        admin().body("{\"publishedOn\":\"2026-01-01\"}").post(base + "/1/publish").then().statusCode(200);
        admin().body("{\"version\":\"2\",\"copyFromCurrent\":true}").post(base).then().statusCode(201);
        String oscal = admin().get(base + "/1/oscal").then().statusCode(200).extract().asString();
        admin().queryParam("version", "oscal").body(oscal).post("/api/v1/imports/oscal").then().statusCode(201);
        return new World().set("guideline", guideline).set("bare", bare).set("key1", key1).set("key2", key2)
                .setShared("oscal", oscal)
                .actsFor("procurement", UUID.randomUUID()).actsFor("vendor", UUID.randomUUID())
                .actsFor("auditor", UUID.randomUUID());
    }

    private static RequestSpecification admin() {
        return RestAssured.given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON);
    }

    private static String requirement() {
        return """
                {"sectionNumber":"1","ref":"§1 ①","title":{"ja":"題","en":"Title"},
                 "summary":{"ja":"要約","en":"Original"},"obligation":"MANDATORY","category":"AGREEMENT",
                 "phases":["PRE_CONTRACT"],"party":"VENDOR","serviceModels":["SAAS"],"dataCategories":[],
                 "threats":[{"threat":"T-CYBER-RANSOMWARE","impact":["C","A"]}],
                 "evidence":[{"ja":"契約書","en":"Contract"}],
                 "citation":{"document":"Test guideline","version":"1","section":"1","page":3},
                 "verification":"UNVERIFIED","unverifiedReason":"test content","status":"ACTIVE"}""";
    }
}
