package it.registro.domain.common;

import java.lang.reflect.Method;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest's hasProperty reads JavaBean getters; records have plain accessors. This reads those. */
public final class RecordMatchers {

    private RecordMatchers() {
    }

    public static <T> Matcher<T> having(String accessor, Matcher<?> value) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                try {
                    Method m = item.getClass().getMethod(accessor);
                    m.setAccessible(true);
                    Object actual = m.invoke(item);
                    if (!value.matches(actual)) {
                        mismatch.appendText(accessor + " ");
                        value.describeMismatch(actual, mismatch);
                        return false;
                    }
                    return true;
                } catch (ReflectiveOperationException e) {
                    mismatch.appendText("has no " + accessor + "()");
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(accessor + "() ").appendDescriptionOf(value);
            }
        };
    }
}
