package care.parcours.partner.deliveries;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.events.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Whom an event record concerns and what of it they may not see, read once from the
 * record's components: its {@code UUID partnerId} and {@code List<UUID> partnerIds} name
 * the partners; its {@code UUID patientId} is withheld, as there is no consent model yet
 * to say what a partner may see of a patient.
 *
 * @param partners the components that name partners
 * @param withheld the names of the components no partner receives
 */
record Audience(List<RecordComponent> partners, Set<String> withheld) {

	private static final ClassValue<Audience> OF_TYPE = new ClassValue<>() {
		@Override
		protected Audience computeValue(Class<?> type) {
			return read(type);
		}
	};

	/**
	 * The audience of an event type.
	 * @throws IllegalArgumentException when the type names no partner: no endpoint could
	 * ever receive it
	 */
	static Audience of(Class<? extends DomainEvent> type) {
		return OF_TYPE.get(type);
	}

	/** The partners the event concerns, in the order its components name them. */
	Set<UUID> partnersOf(DomainEvent event) {
		Set<UUID> concerned = new LinkedHashSet<>();
		for (RecordComponent component : partners) {
			switch (valueOf(component, event)) {
				case UUID partner -> concerned.add(partner);
				case Collection<?> many -> many.forEach(partner -> concerned.add((UUID) partner));
				case null, default -> {
				}
			}
		}
		return concerned;
	}

	private static Audience read(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		if (components == null) {
			throw new IllegalArgumentException(type.getName() + " is not a record");
		}
		List<RecordComponent> partners = Arrays.stream(components)
			.filter(c -> (c.getName().equals("partnerId") && c.getType() == UUID.class)
					|| (c.getName().equals("partnerIds") && isListOfUuids(c.getGenericType())))
			.toList();
		if (partners.isEmpty()) {
			throw new IllegalArgumentException(type.getName() + " names no partner (partnerId or partnerIds)");
		}
		Set<String> withheld = Arrays.stream(components)
			.filter(c -> c.getName().equals("patientId") && c.getType() == UUID.class)
			.map(RecordComponent::getName)
			.collect(Collectors.toUnmodifiableSet());
		return new Audience(partners, withheld);
	}

	private static boolean isListOfUuids(Type type) {
		return type instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] == UUID.class;
	}

	private static @Nullable Object valueOf(RecordComponent component, DomainEvent event) {
		try {
			return component.getAccessor().invoke(event);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component + " of " + event.getClass().getName(), ex);
		}
	}

}
