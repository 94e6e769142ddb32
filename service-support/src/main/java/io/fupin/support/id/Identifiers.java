package io.fupin.support.id;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.UUID;

/**
 * Makes an {@link Identifier} of a type known only at run time (a converter's target): its constructor of one
 * UUID is looked up once per type, then called directly.
 */
public final class Identifiers {

    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            if (!Identifier.class.isAssignableFrom(type) || type.isInterface()) {
                throw new IllegalArgumentException(type.getName() + " is not an Identifier record");
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                return lookup.findConstructor(type, MethodType.methodType(void.class, UUID.class))
                        .asType(MethodType.methodType(Identifier.class, UUID.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalArgumentException(type.getName() + " needs a constructor of one UUID, as "
                        + "record " + type.getSimpleName() + "(UUID value) implements Identifier", e);
            }
        }
    };

    private Identifiers() {
    }

    /** The id of that type wrapping {@code value}. */
    public static <T extends Identifier> T of(Class<T> type, UUID value) {
        try {
            return type.cast((Identifier) CONSTRUCTORS.get(type).invokeExact(value));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The id of that type written as {@code text}, a UUID in its canonical form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static <T extends Identifier> T parse(Class<T> type, String text) {
        return of(type, UUID.fromString(text.strip()));
    }
}
