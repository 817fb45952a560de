package care.parcours.auth.partnerclients;

import java.util.Arrays;
import java.util.Optional;

/** What a partner client may ask for in the {@code scope} of its tokens. */
public enum PartnerScope {

	AVAILABILITY_WRITE("partner.availability.write"),

	APPOINTMENTS_READ("partner.appointments.read"),

	QUOTES_READ("partner.quotes.read");

	private final String value;

	PartnerScope(String value) {
		this.value = value;
	}

	/** The scope as tokens and requests spell it. */
	public String value() {
		return value;
	}

	public static Optional<PartnerScope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

	/** Every scope, as listed in messages. */
	public static String listed() {
		return String.join(", ", Arrays.stream(values()).map(PartnerScope::value).toList());
	}

}
