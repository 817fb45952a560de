package care.parcours.platform.problem;

/**
 * One offending field of a request, as listed in a validation problem's {@code errors}.
 *
 * @param field the JSON path of the field, such as {@code specialties[0]}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

}
