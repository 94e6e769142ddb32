package io.fupin.household.registry;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resident identity number as GB 11643 defines it: 18 characters, a possible birth date, a valid check
 * character; the violation says which of these fails. A missing number is left to the use case (on update it
 * keeps the stored one).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GbIdentityNumber.Check.class)
@interface GbIdentityNumber {

    String message() default "is not a valid identity number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<GbIdentityNumber, String> {

        @Override
        public boolean isValid(String number, ConstraintValidatorContext context) {
            if (number == null) {
                return true;
            }
            return IdentityNumber.problem(number).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
