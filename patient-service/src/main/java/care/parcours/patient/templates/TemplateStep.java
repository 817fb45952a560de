package care.parcours.patient.templates;

import java.util.List;
import java.util.regex.Pattern;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * One step of a template.
 *
 * @param key unique within the template, what dependencies name ({@code pre-op})
 * @param kind what the step is
 * @param names its name in French, English and Dutch
 * @param anchor whether the other steps are placed around this one (exactly one is)
 * @param offset when it is due relative to the anchor, zero for the anchor itself
 * @param tolerance how far from that it may land and still be on time, never negative
 * @param dependsOn the keys of the steps that come first
 * @param ownerRole the role whose work it is
 * @param specialty the specialty a booking for it needs, if it is booked
 * @param appointmentType the appointment type a booking for it needs, if any
 */
public record TemplateStep(String key, StepKind kind, LocalizedNames names, boolean anchor, TimeOffset offset,
		TimeOffset tolerance, List<String> dependsOn, OwnerRole ownerRole, @Nullable String specialty,
		@Nullable String appointmentType) {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	public TemplateStep {
		requireKey("key", key);
		dependsOn = List.copyOf(dependsOn);
		dependsOn.forEach(dependency -> requireKey("dependsOn", dependency));
		if (tolerance.isNegative()) {
			throw InvalidRequestException.ofField("tolerance", "must not be negative");
		}
		if (anchor && !offset.duration().isZero()) {
			throw InvalidRequestException.ofField("offset", "must be zero on the anchor step (" + key + ")");
		}
	}

	/**
	 * Keys are short lower-case slugs: they appear in problems and in URLs' neighbours.
	 */
	public static void requireKey(String field, String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw InvalidRequestException.ofField(field,
					"must be a lower-case slug of letters, digits and hyphens, 63 characters at most");
		}
	}

}
