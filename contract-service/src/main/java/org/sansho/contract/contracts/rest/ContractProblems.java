package org.sansho.contract.contracts.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sansho.contract.contracts.domain.ResidencyRefusedException;
import org.sansho.contract.contracts.domain.TransitionRefusedException;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.problem.ProblemMappers;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The contract domain's refusals as problem+json, at the edge. */
public class ContractProblems {

    /**
     * Data that would be stored outside Japanese jurisdiction without a documented exception: 422
     * {@code data-residency-refused}, one guard per foreign location (2省GL §4.1 表4-1).
     */
    @ServerExceptionMapper
    public Response residencyRefused(ResidencyRefusedException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(URI.create(ProblemException.TYPE_BASE + "data-residency-refused"),
                "Data residency refused", 422, "The service stores data outside Japanese jurisdiction (2省GL §4.1 "
                + "表4-1); record a documented exception (residencyException: reason, approvedBy) to accept it / "
                + "日本の法令が及ばない保存場所です。例外とする場合は理由と承認者を記録してください",
                null, List.of(), e.failures().stream()
                .map(f -> new Problem.GuardFailure(f.guard(), f.rule(), f.reason())).toList(), Map.of()), uri);
    }

    /** A refused transition: 409 {@code transition-refused} with every failed guard. */
    @ServerExceptionMapper
    public Response transitionRefused(TransitionRefusedException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemException.transitionRefused(e.getMessage(), e.failures().stream()
                .map(f -> new Problem.GuardFailure(f.guard(), f.rule(), f.reason())).toList()).problem(), uri);
    }
}
