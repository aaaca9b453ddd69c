package org.sansho.contract.contracts.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sansho.contract.contracts.domain.TransitionRefusedException;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.problem.ProblemMappers;

/** The contract domain's refusals as problem+json, at the edge. */
public class ContractProblems {

    /** A refused transition: 409 {@code transition-refused} with every failed guard. */
    @ServerExceptionMapper
    public Response transitionRefused(TransitionRefusedException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemException.transitionRefused(e.getMessage(), e.failures().stream()
                .map(f -> new Problem.GuardFailure(f.guard(), f.rule(), f.reason())).toList()).problem(), uri);
    }
}
