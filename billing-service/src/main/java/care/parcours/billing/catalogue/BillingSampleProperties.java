package care.parcours.billing.catalogue;

import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample catalogue of the local platform.
 *
 * @param enabled whether it is loaded at start-up: never outside the local platform
 * @param partnerId the sample partner whose tariffs it holds
 */
@ConfigurationProperties("parcours.billing.sample-catalogue")
record BillingSampleProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("5a3b1e00-0000-4000-8000-00000000c0de") UUID partnerId) {

}
