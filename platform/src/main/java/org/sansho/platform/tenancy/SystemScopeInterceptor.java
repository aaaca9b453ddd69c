package org.sansho.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Declares the system scope around a {@link SystemScope} method, outside its transaction. */
@SystemScope("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class SystemScopeInterceptor {

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        SystemScope declared = context.getMethod().getAnnotation(SystemScope.class);
        if (declared == null) {
            declared = context.getMethod().getDeclaringClass().getAnnotation(SystemScope.class);
        }
        String work = declared == null ? context.getMethod().getDeclaringClass().getSimpleName() : declared.value();
        String outer = Tenancy.enter(work);
        try {
            return context.proceed();
        } finally {
            Tenancy.restore(outer);
        }
    }
}
