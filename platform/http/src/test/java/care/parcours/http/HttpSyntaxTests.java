package care.parcours.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewalls' header checks and the bearer token's reading accept exactly what Spring
 * Security's patterns accept, over edge cases and random text across the Unicode range;
 * the reactive and the servlet firewall judge headers alike.
 */
class HttpSyntaxTests {

	/**
	 * The pattern of Spring Security's {@code ServerBearerTokenAuthenticationConverter}
	 * and {@code DefaultBearerTokenResolver}.
	 */
	private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * What the servlet {@code StrictHttpFirewall} checks header values with; it exposes
	 * no predicate to compare with.
	 */
	private static final Pattern SERVLET_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void headerNamesAndValuesAreJudgedAsByTheStrictFirewall() {
		for (String text : samples()) {
			assertThat(HeaderCharacters.isAllowedName(text)).as("name %s", escaped(text))
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
			assertThat(HeaderCharacters.isAllowedValue(text)).as("value %s", escaped(text))
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
			assertThat(HeaderCharacters.isAllowedValue(text)).as("servlet value %s", escaped(text))
				.isEqualTo(SERVLET_HEADER_VALUE.matcher(text).matches());
		}
	}

	@Test
	void anAbsentHeaderIsJudgedAsByTheStrictFirewall() {
		assertThat(HeaderCharacters.isAllowedName(null))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
		assertThat(HeaderCharacters.isAllowedValue(null))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
	}

	@Test
	void controlCharactersAndUnassignedCodePointsAreRefusedATabOnlyInNames() {
		assertThat(HeaderCharacters.isAllowedValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.isAllowedName("a\tb")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("a\r\nInjected: yes")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("a\u0085b")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("a\u0378b")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("Émile 🙂")).isTrue();
	}

	@Test
	void aBearerTokenIsReadAsByTheSpringSecurityPattern() {
		for (String text : bearerSamples()) {
			var matcher = BEARER.matcher(text);
			String expected = matcher.matches() ? matcher.group("token") : null;
			assertThat(BearerCredentials.tokenOf(text)).as("header %s", escaped(text)).isEqualTo(expected);
		}
	}

	private static List<String> samples() {
		List<String> samples = new ArrayList<>(List.of("", "a", " ", "\t", "\u007f", "\u0000", "\u009f", "\u00a0",
				"\ud83d\ude42", "\ud83d", "\ude42x", "\ufffe", "\uffff", "\u0378", "\u2028", "\u00e9t\u00e9",
				"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "text/html; q=0.9", "x\ty", "\r\n"));
		Random random = new Random(20261123);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(6);
			for (int j = 0; j < length; j++) {
				int codePoint = switch (random.nextInt(4)) {
					case 0 -> random.nextInt(0x80);
					case 1 -> random.nextInt(0x800);
					case 2 -> random.nextInt(0x10000);
					default -> random.nextInt(Character.MAX_CODE_POINT + 1);
				};
				text.appendCodePoint(codePoint);
			}
			samples.add(text.toString());
		}
		return samples;
	}

	private static List<String> bearerSamples() {
		List<String> samples = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "Bearer  abc",
				"Bearer", "Bearer ", "Bearer =", "Bearer abc==", "Bearer abc=d", "Bearer a.b-c_d~e+f/g", "Bearer abc ",
				"Bearer\tabc", "Bearerabc", "Basic abc", "Bearer é", "Bearer abc\n", "bearer"));
		String alphabet = "aZ09-._~+/= \t!é\n";
		Random random = new Random(6750);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder token = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
			int length = random.nextInt(8);
			for (int j = 0; j < length; j++) {
				token.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			samples.add(token.toString());
		}
		return samples;
	}

	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints().forEach(codePoint -> escaped.append(String.format("\\u{%x}", codePoint)));
		return escaped.toString();
	}

}
