package care.parcours.platform.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedTests {

	@Test
	void aReadAnswersTheVersionAsTheStrongTagIfMatchTakesBack() {
		ResponseEntity<String> answer = Versioned.ok(3, "body");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
		assertThat(answer.getBody()).isEqualTo("body");
	}

	@Test
	void aCreationAnswersWhereTheResourceIsAndItsFirstVersion() {
		ResponseEntity<String> answer = Versioned.created(URI.create("/things/7"), 0, "body");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getHeaders().getLocation()).isEqualTo(URI.create("/things/7"));
		assertThat(answer.getHeaders().getETag()).isEqualTo("\"0\"");
		assertThat(answer.getBody()).isEqualTo("body");
	}

}
