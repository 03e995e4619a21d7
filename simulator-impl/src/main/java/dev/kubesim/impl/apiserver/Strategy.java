package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.NameValidator;
import java.util.List;
import java.util.Optional;

/**
 * What the API server does for one kind, in the order the real one does it: defaulting as the
 * object is decoded, mutating admission, allocation, validation, and carrying stored values over on
 * update. Each kind's rules live in its own subclass, like the registry strategies of
 * kube-apiserver.
 *
 * @param <T> the kind's record type
 */
public abstract class Strategy<T extends KubeObject> {
  private final Class<T> type;

  protected Strategy(Class<T> type) {
    this.type = type;
  }

  public final Class<T> type() {
    return type;
  }

  /** {@code SetDefaults_<Kind>}: fills in the defaults of a decoded object. */
  public T defaults(T object) {
    return object;
  }

  /**
   * On create, once the object has its uid and before it is stored: what the kind derives from
   * the uid (a Job's generated selector and labels). Nothing by default.
   */
  public T withIdentity(T object) {
    return object;
  }

  /**
   * Decoding an object read from storage (get, list): by default the stored object as is; custom
   * resources get their schema's defaults, as apiextensions-apiserver's storage codec applies them.
   */
  public T fromStorage(T object) {
    return object;
  }

  /** Mutating admission on create: e.g. the default IngressClass. */
  public T admit(T object, ApiServer api) {
    return object;
  }

  /**
   * Allocates what the object needs (ClusterIPs, nodePorts) before validation. An allocation error
   * is thrown as the API server's {@code Invalid} error and comes alone.
   */
  public Allocation<T> allocate(T object, Optional<T> old) {
    return Allocation.none(object);
  }

  /**
   * The kind's name rule: a DNS-1123 subdomain by default, as for most kinds; applied to the name
   * and, as a prefix that may end in a dash, to {@code generateName}.
   */
  public NameValidator nameValidator() {
    return NameValidator.DNS_SUBDOMAIN;
  }

  /** Validation on create, with the API server's field paths and messages. */
  public abstract List<FieldError> validate(T object);

  /** Validation on update: by default the create rules plus {@link #validateImmutable}. */
  public List<FieldError> validateUpdate(T object, T old) {
    return ImmutableList.<FieldError>builder().addAll(validate(object)).addAll(validateImmutable(object, old)).build();
  }

  /**
   * Validation of a write through the {@code status} subresource of the served API; none by default
   * (a custom kind validates the status against its schema).
   */
  public List<FieldError> validateStatusUpdate(T object, T old) {
    return List.of();
  }

  /** Fields that may not change once set. */
  protected List<FieldError> validateImmutable(T object, T old) {
    return List.of();
  }

  /**
   * {@code WarningsOnCreate} / {@code WarningsOnUpdate}: what the API server warns of in an object
   * it accepts (deprecated fields, labels and annotations), in a fixed order.
   *
   * @param old the stored object on update, empty on create
   */
  public List<String> warnings(T object, Optional<T> old) {
    return List.of();
  }

  /** On update: carries over what the new object may not reset (status, allocated values). */
  public T prepareForUpdate(T object, T old) {
    return object;
  }

  /** Releases what the object held (on deletion). */
  public void release(T object) {}

  /** Whether the kind has {@code metadata.generation} (kinds with a spec). */
  public boolean hasGeneration() {
    return true;
  }

  /**
   * The result of {@link #allocate}: the object with allocated values, how to undo the allocation
   * when the request fails, and what to do once it is stored (release what the old object held).
   */
  public record Allocation<T>(T object, Runnable rollback, Runnable commit) {
    public static <T> Allocation<T> none(T object) {
      return new Allocation<>(object, () -> {}, () -> {});
    }
  }
}
