package dev.kubesim.junit;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.Pod;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link KubeSimTest}: builds the test's cluster when a field or
 * parameter first asks for it, keeps it in JUnit's extension store (which closes it), injects it,
 * resolves {@link PodSelector} parameters, and attaches a {@link ClusterReport} to failures.
 *
 * <p>It keeps no state of its own: every cluster lives in the store of the test (or, with {@code
 * @TestInstance(Lifecycle.PER_CLASS)}, of the test class) that owns it, so tests may run in
 * parallel. Register it with {@link KubeSimTest}, which carries the cluster's settings.
 */
public final class KubeSimExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KubeSimExtension.class);

  /** The extension, as {@link KubeSimTest}'s {@code @ExtendWith} creates it. */
  public KubeSimExtension() {}

  /** With one cluster per test class instance, sets the instance's {@code Cluster} fields before {@code @BeforeAll}. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS) {
      injectFields(context);
    }
  }

  /** Sets the test instance's {@code Cluster} fields before {@code @BeforeEach}. */
  @Override
  public void beforeEach(ExtensionContext context) {
    injectFields(context);
  }

  /** Whether a parameter is a {@code Cluster} or carries {@link PodSelector}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Cluster.class || parameter.isAnnotated(PodSelector.class);
  }

  /** The test's cluster, or the pod (or pod's name) a {@link PodSelector} chooses in it. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return resolve(parameter, context);
    } catch (ExtensionConfigurationException e) {
      // JUnit would wrap it in a message of its own: keep ours in front.
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private static Object resolve(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Optional<PodSelector> selector = parameter.findAnnotation(PodSelector.class);
    if (selector.isEmpty()) {
      return cluster(context, "the parameter " + parameter.getParameter());
    }
    if (type != String.class && type != Pod.class) {
      throw new ParameterResolutionException("@PodSelector needs a parameter of type String (the pod's name) or "
          + Pod.class.getName() + ", not " + type.getName() + ": " + parameter.getParameter());
    }
    Pod pod = PodSelection.select(cluster(context, "the parameter " + parameter.getParameter()), selector.get());
    return type == Pod.class ? pod : pod.metadata().nameOrEmpty();
  }

  /** Adds the cluster's report to a test's failure and rethrows the failure. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /** Adds the cluster's report to a {@code @BeforeAll} method's failure and rethrows it. */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /** Adds the cluster's report to a {@code @BeforeEach} method's failure and rethrows it. */
  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /** Adds the cluster's report to an {@code @AfterEach} method's failure and rethrows it. */
  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /** Adds the cluster's report to an {@code @AfterAll} method's failure and rethrows it. */
  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /**
   * The failure with the report of the cluster that its context owns, when one was built. An
   * aborted test (a failed assumption) is no failure and gets none; a failure gets one report
   * however many handlers see it.
   */
  private static Throwable withReport(ExtensionContext context, Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return failure;
    }
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof ClusterReport) {
        return failure;
      }
    }
    owner(context).flatMap(owner -> existing(owner)).ifPresent(test ->
        failure.addSuppressed(new ClusterReport(FailureReport.of(test.cluster()))));
    return failure;
  }

  /** Sets every non-static field of type {@code Cluster} of the test instances (outer ones too, for {@code @Nested}). */
  private static void injectFields(ExtensionContext context) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (field.getType() == Cluster.class) {
            inject(context, instance, field);
          }
        }
      }
    }
  }

  private static void inject(ExtensionContext context, Object instance, Field field) {
    int modifiers = field.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
      throw new ExtensionConfigurationException("@KubeSimTest sets fields of type Cluster, but " + field
          + " is " + (Modifier.isStatic(modifiers) ? "static" : "final")
          + ": make it a non-final instance field (each test, or each test instance, has a cluster of its own)");
    }
    try {
      field.setAccessible(true);
      field.set(instance, cluster(context, "the field " + field));
    } catch (IllegalAccessException | RuntimeException e) {
      if (e instanceof ExtensionConfigurationException || e instanceof ParameterResolutionException) {
        throw (RuntimeException) e;
      }
      throw new ExtensionConfigurationException("@KubeSimTest cannot set " + field + ": " + e.getMessage(), e);
    }
  }

  /**
   * The cluster of the test (or test instance) that {@code context} belongs to, built on first use.
   *
   * @param requester what asks for it, for the message when the context has no cluster
   */
  private static Cluster cluster(ExtensionContext context, String requester) {
    ExtensionContext owner = owner(context).orElseThrow(() -> new ParameterResolutionException(
        "@KubeSimTest has no cluster for " + requester + ": with the default lifecycle each test method has a "
            + "cluster of its own, so @BeforeAll, @AfterAll and constructors have none; annotate the class with "
            + "@TestInstance(Lifecycle.PER_CLASS) for one cluster shared by its tests"));
    ClusterSettings settings = ClusterSettings.of(context.getRequiredTestClass()).orElseThrow(
        () -> new ExtensionConfigurationException(
            "KubeSimExtension needs @KubeSimTest on " + context.getRequiredTestClass().getName()));
    return owner.getStore(NAMESPACE)
        .getOrComputeIfAbsent(key(owner), k -> new TestCluster(ClusterStart.start(settings)), TestCluster.class)
        .cluster();
  }

  private static Optional<TestCluster> existing(ExtensionContext owner) {
    return Optional.ofNullable(owner.getStore(NAMESPACE).get(key(owner), TestCluster.class));
  }

  /**
   * The context whose lifetime is the cluster's: the test class's with {@code
   * Lifecycle.PER_CLASS}, the test method's (or the invocation's, for a parameterized test)
   * otherwise; none for a class-level context under {@code Lifecycle.PER_METHOD}.
   */
  private static Optional<ExtensionContext> owner(ExtensionContext context) {
    Lifecycle lifecycle = context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD);
    if (lifecycle == Lifecycle.PER_CLASS) {
      Class<?> testClass = context.getRequiredTestClass();
      for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
        if (c.getTestMethod().isEmpty() && c.getElement().filter(testClass::equals).isPresent()) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    return context.getTestMethod().isPresent() ? Optional.of(context) : Optional.empty();
  }

  /** A key of the owner's own: a store lookup also searches enclosing contexts, whose clusters are others'. */
  private static String key(ExtensionContext owner) {
    return "cluster " + owner.getUniqueId();
  }
}
