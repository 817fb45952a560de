package care.parcours.partner.partners;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A partner registered through the API, as the directory's tests start. */
final class PartnerRegistrations {

	private PartnerRegistrations() {
	}

	static RestTestClient.ResponseSpec register(RestTestClient http, String json) {
		return http.post().uri("/api/partners").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	static PartnerController.PartnerView registered(RestTestClient http, String json) {
		return register(http, json).expectStatus()
			.isCreated()
			.expectBody(PartnerController.PartnerView.class)
			.returnResult()
			.getResponseBody();
	}

}
