package care.parcours.patient.access;

import java.util.Arrays;
import java.util.stream.Collectors;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Why someone opens a patient record, as the caller declares it in the {@value #HEADER}
 * header. A code from this list and never free text: free text would invite a name or a
 * diagnosis into the audit trail.
 */
public enum AccessPurpose {

	CARE_COORDINATION("care-coordination"), APPOINTMENT("appointment"), BILLING("billing"), EMERGENCY("emergency"),
	ADMINISTRATION("administration"), PATIENT_REQUEST("patient-request");

	/** The request header that declares the purpose. */
	public static final String HEADER = "X-Access-Purpose";

	/** What the API document says of the header. */
	public static final String DESCRIPTION = "Why the record is opened, recorded in the access log: care-coordination, "
			+ "appointment, billing, emergency, administration or patient-request";

	private final String code;

	AccessPurpose(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/**
	 * The purpose a header names, or none when absent.
	 * @throws InvalidRequestException naming the header when the code is unknown
	 */
	public static @Nullable AccessPurpose fromHeader(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		return Arrays.stream(values())
			.filter(purpose -> purpose.code.equals(header.strip()))
			.findFirst()
			.orElseThrow(() -> InvalidRequestException.ofField(HEADER, "must be one of "
					+ Arrays.stream(values()).map(AccessPurpose::code).collect(Collectors.joining(", "))));
	}

}
