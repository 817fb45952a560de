package care.parcours.platform.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderArgumentResolverTests {

	private final HeaderArgumentResolver resolver = new HeaderArgumentResolver(
			List.of(new HeaderArgument<>(Note.class, "X-Note", false, "A note, optional", (request) -> {
				String text = request.getHeader("X-Note");
				return text == null ? null : new Note(text);
			})));

	@Test
	void anOptionalHeaderLeftOutIsANullArgumentRatherThanAFailure() throws Exception {
		MethodParameter note = new MethodParameter(getClass().getDeclaredMethod("handler", Note.class), 0);
		MockHttpServletRequest with = new MockHttpServletRequest();
		with.addHeader("X-Note", "fasting since midnight");

		assertThat(resolver.supportsParameter(note)).isTrue();
		assertThat(resolver.resolveArgument(note, null, new ServletWebRequest(new MockHttpServletRequest()), null))
			.isNull();
		assertThat(resolver.resolveArgument(note, null, new ServletWebRequest(with), null))
			.isEqualTo(new Note("fasting since midnight"));
	}

	@Test
	void aParameterOfAnotherTypeIsLeftToSpring() throws Exception {
		MethodParameter text = new MethodParameter(getClass().getDeclaredMethod("other", String.class), 0);

		assertThat(resolver.supportsParameter(text)).isFalse();
	}

	void handler(@Nullable Note note) {
	}

	void other(String text) {
	}

	record Note(String text) {
	}

}
