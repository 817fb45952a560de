package care.parcours.billing.invoices;

import java.time.LocalDate;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import tools.jackson.databind.JsonNode;

/**
 * An accepted quote through the API, ready to invoice: a hip replacement (9,800.00 EUR,
 * 70 % by the national insurer) and three hotel nights (3 x 120.00 + 10 % VAT) for a
 * partner of its own, 10,196.00 EUR of which the insurer pays 6,860.00 and the patient
 * 3,336.00.
 *
 * @param quoteId the quote, version 1 accepted
 * @param partnerId who issues its invoices
 * @param patientId for whom
 * @param pathwayId its pathway
 * @param stepId its step
 * @param insurerId the national insurer
 */
public record InvoiceScenario(UUID quoteId, UUID partnerId, UUID patientId, UUID pathwayId, UUID stepId,
		UUID insurerId) {

	public static InvoiceScenario accepted(BillingApi api, String language) {
		return accepted(api, language, UUID.randomUUID());
	}

	public static InvoiceScenario accepted(BillingApi api, String language, UUID partner) {
		UUID patient = UUID.randomUUID();
		UUID pathway = UUID.randomUUID();
		UUID step = UUID.randomUUID();
		UUID hip = api.item("MEDICAL_ACT", "CCAM", code());
		UUID hotel = api.item("HOTEL", "PARCOURS", "HOTEL-" + code());
		api.tariff(hip, partner, "9800.00", "0");
		api.tariff(hotel, partner, "120.00", "10");
		UUID insurer = api.insurer("NATIONAL", "INAMI-" + UUID.randomUUID().toString().substring(0, 8));
		api.policy(patient, insurer, "0.00", "[{\"kind\": \"MEDICAL_ACT\", \"sharePercent\": 70}]");
		JsonNode drafted = BillingApi.body(api.post("/api/quotes", """
				{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "stepId": "%s", "currency": "EUR",
				 "language": "%s", "validUntil": "%s",
				 "lines": [{"itemId": "%s", "quantity": 1}, {"itemId": "%s", "quantity": 3}]}
				""".formatted(patient, partner, pathway, step, language, LocalDate.now().plusDays(30), hip, hotel))
			.expectStatus()
			.isCreated());
		String id = drafted.get("id").asString();
		api.act("/api/quotes/" + id + "/send", "\"0\"").expectStatus().isOk();
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"").expectStatus().isOk();
		return new InvoiceScenario(UUID.fromString(id), partner, patient, pathway, step, insurer);
	}

	/** Issues an invoice of the quote: {@code extra} adds fields to the request. */
	public String issue(BillingApi api, String kind, String extra) {
		return BillingApi.body(api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "%s"%s}
				""".formatted(quoteId, kind, extra.isEmpty() ? "" : ", " + extra)).expectStatus().isCreated())
			.get("id")
			.asString();
	}

	static String code() {
		return "Q" + letter() + letter() + letter() + String.format("%03d", (int) (Math.random() * 1000));
	}

	private static char letter() {
		return (char) ('A' + (int) (Math.random() * 26));
	}

}
