package care.parcours.platform.openapi;

import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the documents say of records: required unless nullable, one type per name. */
class RecordSchemasTests {

	record Thing(String name, @Nullable String note, int count) {

	}

	static class Chains {

		record RuleForm(String from, String to) {

		}

	}

	static class Availability {

		record RuleForm(String day) {

		}

	}

	record Both(Chains.RuleForm chain, Availability.RuleForm availability) {

	}

	@Test
	void everyComponentButTheNullableOnesIsRequired() {
		ModelConverters converters = converters();

		@SuppressWarnings("rawtypes")
		Map<String, Schema> schemas = converters.readAll(new AnnotatedType(Thing.class));

		assertThat(schemas.get("Thing").getRequired()).containsExactlyInAnyOrder("name", "count");
	}

	@Test
	void twoTypesOfOneNameFailTheDocument() {
		ModelConverters converters = converters();

		assertThatThrownBy(() -> converters.readAll(new AnnotatedType(Both.class)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RuleForm")
			.hasMessageContaining("Chains$RuleForm")
			.hasMessageContaining("Availability$RuleForm");
	}

	private static ModelConverters converters() {
		ModelConverters converters = new ModelConverters(true);
		converters.addConverter(new RecordSchemas());
		return converters;
	}

}
