package care.parcours.system.scenarios;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.client.partner.api.WebhookDeliveriesApi;
import care.parcours.client.partner.api.WebhooksApi;
import care.parcours.client.partner.model.Delivery;
import care.parcours.client.partner.model.EndpointForm;
import care.parcours.client.partner.model.EndpointWithSecret;
import care.parcours.client.partner.model.PageDelivery;
import care.parcours.client.scheduling.ApiException;
import care.parcours.client.scheduling.ApiResponse;
import care.parcours.client.scheduling.api.AppointmentsApi;
import care.parcours.client.scheduling.api.AvailabilityApi;
import care.parcours.client.scheduling.model.AvailabilityForm;
import care.parcours.client.scheduling.model.AvailabilityView;
import care.parcours.client.scheduling.model.BookingView;
import care.parcours.client.scheduling.model.PageBookingView;
import care.parcours.client.scheduling.model.RuleForm;
import care.parcours.client.scheduling.model.TypeForm;
import care.parcours.client.scheduling.model.TypeView;
import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's day through the Java client generated from the committed OpenAPI documents,
 * against the platform started from the built jars: with the client alone, a clinic's
 * system pushes its practitioner's availability, hears of an appointment by a signed
 * webhook, reads it, and reads the page of deliveries. Whatever the documents get wrong
 * about the API shows here as generated code that cannot make the call.
 * <p>
 * What the network does around the partner (registering the clinic and the practitioner,
 * issuing the partner's client, opening the patient's record and booking) goes through
 * the coordinator's and administrator's {@link Gateway}, as their front ends would.
 */
class PartnerDayThroughGeneratedClientIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String BOOKED = "scheduling.appointment.booked.v1";

	private static URI gatewayUrl;

	private static Gateway coordinator;

	@BeforeAll
	static void platform() {
		gatewayUrl = Platform.get().url(ServiceName.GATEWAY);
		coordinator = new Gateway(gatewayUrl, "coordinator");
	}

	@Test
	void aPartnersDayOfAvailabilityAppointmentsAndWebhooksWorksThroughTheGeneratedClientAlone() throws Exception {
		UUID partnerId = UUID.fromString(coordinator.post("/api/partners", """
				{"name": "Clinique des Cèdres", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "en"]}
				""").body().path("id").asString());
		UUID practitionerId = UUID.fromString(coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Louis Mercier", "specialties": ["orthopaedics"], "languages": ["fr"]}
				""").body().path("id").asString());
		// The authorization server issues clients only for partners it heard of.
		Gateway.Answer issued = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.as("admin").post("/api/partner-clients", """
					{"partnerId": "%s", "name": "Cèdres front desk"}
					""".formatted(partnerId)), answer -> answer.status() == 201);

		// The token is the one call outside the generated code: the documents do not
		// describe /oauth2/token (OAuth 2.0 is the authorization server's protocol, not
		// our API), so the partner gets it as any OAuth client would, by a
		// client-credentials form POST.
		String token = new Gateway(gatewayUrl, issued.body().path("clientId").asString(),
				issued.body().path("clientSecret").asString())
			.bearer();
		var schedulingClient = new care.parcours.client.scheduling.ApiClient();
		schedulingClient.updateBaseUri(gatewayUrl.toString());
		schedulingClient.setRequestInterceptor(request -> request.header("Authorization", token));
		var partnerClient = new care.parcours.client.partner.ApiClient();
		partnerClient.updateBaseUri(gatewayUrl.toString());
		partnerClient.setRequestInterceptor(request -> request.header("Authorization", token));
		AvailabilityApi availability = new AvailabilityApi(schedulingClient);
		AppointmentsApi appointments = new AppointmentsApi(schedulingClient);
		WebhooksApi webhooks = new WebhooksApi(partnerClient);
		WebhookDeliveriesApi deliveries = new WebhookDeliveriesApi(partnerClient);

		// Morning: the clinic pushes its surgeon's week, on the version it read (the
		// schedule opens once scheduling-service hears of the practitioner).
		ApiResponse<AvailabilityView> current = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreException(ApiException.class)
			.until(() -> availability.getAvailabilityWithHttpInfo(practitionerId, null, null),
					answer -> answer != null);
		LocalDate today = LocalDate.now(PARIS);
		AvailabilityView pushed = availability.replaceAvailability(practitionerId, etag(current.getHeaders()),
				new AvailabilityForm()
					.appointmentTypes(List.of(new TypeForm().code("consultation")
						.durationMinutes(30)
						.modes(Set.of(TypeForm.ModesEnum.IN_PERSON))))
					.weeklyRules(Arrays.stream(DayOfWeek.values())
						.map(day -> new RuleForm().day(RuleForm.DayEnum.fromValue(day.name()))
							.start("08:00")
							.end("18:00")
							.modes(Set.of(RuleForm.ModesEnum.IN_PERSON))
							.validFrom(today))
						.toList()));
		assertThat(pushed.getVersion()).isGreaterThan(current.getData().getVersion());
		assertThat(pushed.getTimeZone()).isEqualTo("Europe/Paris");
		assertThat(pushed.getAppointmentTypes()).extracting(TypeView::getCode).containsExactly("consultation");
		assertThat(pushed.getWeeklyRules()).hasSize(7)
			.allSatisfy(rule -> assertThat(rule.getAppointmentTypes()).as("every type").isNull());
		assertThat(pushed.getAppointmentsOutsideAvailability()).isEmpty();

		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			// It wants to hear of each booking at once.
			EndpointWithSecret endpoint = webhooks.registerWebhookEndpoint(partnerId,
					new EndpointForm().url(receiver.url().toString())
						.description("front desk")
						.eventTypes(List.of(BOOKED)));
			assertThat(endpoint.getPartnerId()).isEqualTo(partnerId);
			assertThat(endpoint.getEnabled()).isTrue();
			assertThat(endpoint.getEventTypes()).containsExactly(BOOKED);
			assertThat(endpoint.getSecret()).startsWith("whsec_");

			// A coordinator books a patient with the surgeon, the day after tomorrow.
			Instant start = today.plusDays(2).atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
			UUID appointmentId = book(practitionerId, start);

			// The booking reaches the clinic signed with its endpoint's secret, without
			// the patient.
			WebhookReceiver.Message message = await().atMost(Duration.ofSeconds(30))
				.until(receiver::received, received -> !received.isEmpty())
				.getFirst();
			assertThat(message.isSignedWith(endpoint.getSecret(), Instant.now())).isTrue();
			assertThat(message.isSignedWith("whsec_" + "A".repeat(32), Instant.now())).isFalse();
			JsonNode hook = JSON.readTree(message.body());
			assertThat(hook.path("type").asString()).isEqualTo(BOOKED);
			assertThat(hook.path("data").path("appointmentId").asString()).isEqualTo(appointmentId.toString());
			assertThat(hook.path("data").path("partnerId").asString()).isEqualTo(partnerId.toString());
			assertThat(hook.path("data").has("patientId")).isFalse();

			// It reads the appointment at its organisation.
			PageBookingView page = appointments.listAppointments(practitionerId, null, null, null, null, null, null,
					null, null);
			assertThat(page.getContent()).extracting(BookingView::getId).containsExactly(appointmentId);
			BookingView appointment = page.getContent().getFirst();
			assertThat(appointment.getStatus()).isEqualTo(BookingView.StatusEnum.BOOKED);
			assertThat(appointment.getPartnerId()).isEqualTo(partnerId);
			assertThat(appointment.getStart().toInstant()).isEqualTo(start);
			assertThat(appointment.getEnd().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(30)));
			assertThat(appointment.getAppointmentType()).isEqualTo("consultation");

			// And the page of deliveries shows the message it received, delivered at the
			// first attempt.
			PageDelivery delivered = await().atMost(Duration.ofSeconds(30))
				.until(() -> deliveries.listDeliveries(partnerId, endpoint.getId(), null, null, null),
						answer -> answer.getContent()
							.stream()
							.allMatch(delivery -> delivery.getStatus() == Delivery.StatusEnum.DELIVERED));
			assertThat(delivered.getContent()).singleElement().satisfies(delivery -> {
				assertThat(delivery.getId()).hasToString(message.id());
				assertThat(delivery.getEventType()).isEqualTo(BOOKED);
				assertThat(delivery.getAttempts()).isEqualTo(1);
				assertThat(delivery.getLastStatusCode()).isEqualTo(204);
			});
			assertThat(delivered.getPage().getTotalElements()).isEqualTo(1);
		}
	}

	/**
	 * Books through the coordinator's front end once scheduling-service knows the patient
	 * (patient-service announces new records within seconds).
	 */
	private static UUID book(UUID practitionerId, Instant start) {
		String patientId = coordinator.post("/api/patients", """
				{"givenName": "Nadia", "familyName": "Rahmani", "birthDate": "1979-06-11", "sex": "FEMALE",
				 "nationality": "DZ", "countryOfResidence": "DZ", "languages": ["ar", "fr"]}
				""").body().path("id").asString();
		Gateway.Answer booked = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.post("/api/appointments", """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s",
					 "appointmentType": "consultation", "mode": "IN_PERSON"}
					""".formatted(practitionerId, patientId, start)), answer -> answer.status() == 201);
		return UUID.fromString(booked.body().path("id").asString());
	}

	/** The ETag of an answer, whichever case its header name was written in. */
	private static String etag(Map<String, List<String>> headers) {
		return headers.entrySet()
			.stream()
			.filter(header -> header.getKey().equalsIgnoreCase("ETag"))
			.flatMap(header -> header.getValue().stream())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No ETag in " + headers.keySet()));
	}

}
