package it.registro.domain.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for fixture tests: the command was rejected with this code (and field). */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<CommandRejectedException> rejectedWith(String code) {
        return rejectedWith(code, null);
    }

    public static Matcher<CommandRejectedException> rejectedWith(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.rejection().code().equals(code)
                        && (field == null || field.equals(e.rejection().field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code ").appendValue(code);
                if (field != null) {
                    description.appendText(" on field ").appendValue(field);
                }
            }
        };
    }
}
