package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.Map;

/** The uploaded file is not a JPEG, PNG or WebP image, whatever its name or declared type say. */
public class UnsupportedPhoto extends Refusal {

    UnsupportedPhoto() {
        super(ProblemType.UNSUPPORTED_PHOTO,
                "a product photo must be a JPEG, PNG or WebP image (the file's content is checked, not its name)");
    }

    /** Names the form part, as a 400 naming {@code file} would. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("field", "file");
    }
}
