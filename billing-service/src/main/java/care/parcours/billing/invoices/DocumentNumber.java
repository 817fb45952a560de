package care.parcours.billing.invoices;

/**
 * The number of an invoice or a credit note: its issuer's sequence in the year, written
 * {@code 2026-000042}.
 *
 * @param year the year it was issued in, in billing's zone
 * @param sequence from 1, unbroken per issuer and year
 */
public record DocumentNumber(int year, int sequence) {

	public DocumentNumber {
		if (sequence < 1 || year < 2000 || year > 9999) {
			throw new IllegalArgumentException("no such number: " + year + "/" + sequence);
		}
	}

	@Override
	public String toString() {
		return "%d-%06d".formatted(year, sequence);
	}

}
