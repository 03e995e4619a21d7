package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressClass;
import java.util.Map;
import java.util.Optional;

/**
 * Which Ingresses one ingress-nginx controller serves ({@code GetIngressClass} in its store): those
 * whose legacy annotation {@code kubernetes.io/ingress.class} equals its {@code --ingress-class},
 * and those whose {@code spec.ingressClassName} names an IngressClass with its {@code
 * --controller-class}. An Ingress with neither is served only with {@code
 * --watch-ingress-without-class}; the API server's DefaultIngressClass admission has already given
 * such an Ingress the default class, if one was marked when it was created.
 *
 * @param controllerClass the {@code spec.controller} of the classes it implements
 * @param ingressClass the value of the legacy annotation it answers to
 * @param withoutClass whether it serves Ingresses that name no class at all
 */
record IngressClassFilter(String controllerClass, String ingressClass, boolean withoutClass) {
  static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

  /** Whether the controller serves the Ingress, given the IngressClasses by name. */
  boolean handles(Ingress ing, Map<String, IngressClass> classes) {
    String annotation = ing.metadata().annotations().get(CLASS_ANNOTATION);
    if (annotation != null && annotation.equals(ingressClass)) {
      return true;
    }
    Optional<String> className = ing.specOrEmpty().ingressClassName();
    if (className.isPresent()) {
      IngressClass c = classes.get(className.get());
      return c != null && c.specOrEmpty().controller().filter(controllerClass::equals).isPresent();
    }
    return annotation == null && withoutClass;
  }
}
