package org.sansho.testsupport.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Test-only endpoints written the way a forgetful new feature would be: plain queries and loads by id with no
 * tenancy clause and no check of the caller. A service's tests extend it with the entities its tenancy test reads and
 * its path ({@link ForgottenClause#PATH}):
 * <pre>{@code
 * @Path(ForgottenClause.PATH)
 * public class ForgottenClauseResource extends ForgottenClauseQueries {
 *     public ForgottenClauseResource(EntityManager em) {
 *         super(em, Contract.class, ContractTransition.class);
 *     }
 * }
 * }</pre>
 * and call it through {@link ForgottenClause} with real tokens, asserting that only the caller's rows come back. Any
 * authenticated caller may call it (the tenancy is what is tested, not the roles); hidden from the API document.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ForgottenClauseQueries {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

    private final EntityManager em;
    private final Map<String, Class<?>> entities;

    /** {@code entities}: the service's entities the endpoints answer for, addressed by their entity names. */
    protected ForgottenClauseQueries(EntityManager em, Class<?>... entities) {
        this.em = em;
        this.entities = Arrays.stream(entities).collect(Collectors.toMap(type -> entityName(em, type),
                Function.identity()));
    }

    /**
     * {@code select e.<attribute>, … from <entity> e}, nothing else: each row as the attributes asked for (an
     * attribute of an embedded value with a dot, e.g. {@code key.subjectId}).
     */
    @GET
    @Path("/{entity}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public List<Map<String, Object>> selectWithoutTenancyClause(@PathParam("entity") String entity,
                                                               @QueryParam("attribute") List<String> attributes) {
        String name = entityName(em, type(entity));
        if (attributes.isEmpty() || !attributes.stream().allMatch(a -> ATTRIBUTE.matcher(a).matches())) {
            throw new BadRequestException("attribute: one or more attribute names of " + name);
        }
        String select = attributes.stream().map(a -> "e." + a).collect(Collectors.joining(", "));
        List<?> rows = em.createQuery("select " + select + " from " + name + " e").getResultList();
        return rows.stream().map(row -> {
            Object[] values = row instanceof Object[] array ? array : new Object[] {row};
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < attributes.size(); i++) {
                named.put(attributes.get(i), values[i]);
            }
            return named;
        }).toList();
    }

    /** {@code EntityManager.find} by id, nothing else: whether it found the row. */
    @GET
    @Path("/{entity}/{id}")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Map<String, Boolean> findWithoutTenancyClause(@PathParam("entity") String entity,
                                                         @PathParam("id") String id) {
        Class<?> type = type(entity);
        return Map.of("found", em.find(type, id(type, id)) != null);
    }

    private Class<?> type(String entity) {
        Class<?> type = entities.get(entity);
        if (type == null) {
            throw new NotFoundException("not one of " + entities.keySet() + ": " + entity);
        }
        return type;
    }

    private Object id(Class<?> type, String id) {
        Class<?> idType = em.getMetamodel().entity(type).getIdType().getJavaType();
        try {
            if (idType == UUID.class) {
                return UUID.fromString(id);
            }
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("id: not a " + idType.getSimpleName() + ": " + id);
        }
        if (idType == String.class) {
            return id;
        }
        throw new BadRequestException("id: " + type.getSimpleName() + " has an id of type " + idType.getName());
    }

    private static String entityName(EntityManager em, Class<?> type) {
        EntityType<?> entity = em.getMetamodel().entity(type);
        return entity.getName();
    }
}
