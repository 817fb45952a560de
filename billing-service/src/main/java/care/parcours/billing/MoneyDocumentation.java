package care.parcours.billing;

import java.util.List;

import care.parcours.platform.money.Money;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents {@link Money} as it travels, {@code {"amount": "12.50", "currency": "EUR"}}
 * with the amount a string, rather than as the record's fields (a number and a currency
 * object). Billing is the first service with money on the wire; this belongs in the
 * starter once another needs it.
 */
@Configuration(proxyBeanMethods = false)
class MoneyDocumentation {

	static final String NAME = "Money";

	static {
		SpringDocUtils.getConfig().replaceWithSchema(Money.class, new Schema<>().$ref("#/components/schemas/" + NAME));
	}

	@Bean
	OpenApiCustomizer moneySchema() {
		return openApi -> openApi.getComponents()
			.addSchemas(NAME, new ObjectSchema()
				.description("An amount of money, exact to the currency's minor unit: the amount is a decimal string "
						+ "with at most the currency's decimals (2 for EUR, 0 for JPY, 3 for KWD), never a number.")
				.addProperty("amount", new StringSchema().pattern("^-?[0-9]{1,15}(\\.[0-9]{1,3})?$").example("1250.50"))
				.addProperty("currency", new StringSchema().pattern("^[A-Z]{3}$").example("EUR"))
				.required(List.of("amount", "currency")));
	}

}
