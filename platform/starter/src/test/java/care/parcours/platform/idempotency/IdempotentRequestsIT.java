package care.parcours.platform.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest(classes = TestApplication.class)
class IdempotentRequestsIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRetriedRequestTakesEffectOnceAndGetsTheFirstAnswer() {
		String name = "once-" + UUID.randomUUID();
		String key = "key-" + UUID.randomUUID();

		EntityExchangeResult<String> first = post(key, name).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> retry = post(key, name).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotentRequests.REPLAYED, "true")
			.expectBody(String.class)
			.returnResult();

		assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
		assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"0\"")
			.isEqualTo(first.getResponseHeaders().getETag());
		assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(countNamed(name)).isEqualTo(1);
	}

	@Test
	void aKeyReusedForAnotherRequestIsRefused() {
		String key = "key-" + UUID.randomUUID();
		post(key, "first-" + key).expectStatus().isCreated();

		post(key, "second-" + key).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/idempotency-key-reused");
		assertThat(countNamed("second-" + key)).isZero();
	}

	@Test
	void concurrentRetriesOfOneRequestTakeEffectOnce() throws Exception {
		String name = "racing-" + UUID.randomUUID();
		String key = "key-" + UUID.randomUUID();
		List<Future<Integer>> attempts = new ArrayList<>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 12; i++) {
				attempts.add(clients.submit(() -> post(key, name).returnResult(String.class).getStatus().value()));
			}
			for (Future<Integer> attempt : attempts) {
				assertThat(attempt.get()).isEqualTo(201);
			}
		}
		assertThat(countNamed(name)).isEqualTo(1);
	}

	@Test
	void aRequestThatFailedLeavesTheKeyFreeForItsRetry() {
		String key = "key-" + UUID.randomUUID();
		http.post()
			.uri("/things/idempotent")
			.header(IdempotentRequests.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"\", \"kind\": \"SMALL\", \"count\": 1}")
			.exchange()
			.expectStatus()
			.isBadRequest();

		post(key, "fixed-" + key).expectStatus().isCreated();
		assertThat(countNamed("fixed-" + key)).isEqualTo(1);
	}

	@Test
	void aMalformedKeyIsABadRequest() {
		post("short", "x").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(IdempotentRequests.HEADER);
	}

	private RestTestClient.ResponseSpec post(String key, String name) {
		return http.post()
			.uri("/things/idempotent")
			.header(IdempotentRequests.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"" + name + "\", \"kind\": \"SMALL\", \"count\": 1}")
			.exchange();
	}

	private long countNamed(String name) {
		return jdbc.sql("select count(*) from thing where name = ?").param(name).query(Long.class).single();
	}

}
