/**
 */
package org.strata.model.impl;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

import org.strata.model.EvaluationSpec;
import org.strata.model.Goal;
import org.strata.model.Pipeline;
import org.strata.model.Step;
import org.strata.model.StrataPackage;
import org.strata.model.TargetRuntimeKind;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Pipeline</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getDescription <em>Description</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getSourceModel <em>Source Model</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getTarget <em>Target</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#isStopOnFailure <em>Stop On Failure</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#isAllowUnverified <em>Allow Unverified</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getEvaluation <em>Evaluation</em>}</li>
 *   <li>{@link org.strata.model.impl.PipelineImpl#getGoal <em>Goal</em>}</li>
 * </ul>
 *
 * @generated
 */
public class PipelineImpl extends MinimalEObjectImpl.Container implements Pipeline {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getDescription() <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescription()
	 * @generated
	 * @ordered
	 */
	protected static final String DESCRIPTION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getDescription() <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescription()
	 * @generated
	 * @ordered
	 */
	protected String description = DESCRIPTION_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceModel() <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceModel()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_MODEL_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourceModel() <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceModel()
	 * @generated
	 * @ordered
	 */
	protected String sourceModel = SOURCE_MODEL_EDEFAULT;

	/**
	 * The default value of the '{@link #getTarget() <em>Target</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTarget()
	 * @generated
	 * @ordered
	 */
	protected static final TargetRuntimeKind TARGET_EDEFAULT = TargetRuntimeKind.ONNXRUNTIME;

	/**
	 * The cached value of the '{@link #getTarget() <em>Target</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTarget()
	 * @generated
	 * @ordered
	 */
	protected TargetRuntimeKind target = TARGET_EDEFAULT;

	/**
	 * The default value of the '{@link #isStopOnFailure() <em>Stop On Failure</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isStopOnFailure()
	 * @generated
	 * @ordered
	 */
	protected static final boolean STOP_ON_FAILURE_EDEFAULT = true;

	/**
	 * The cached value of the '{@link #isStopOnFailure() <em>Stop On Failure</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isStopOnFailure()
	 * @generated
	 * @ordered
	 */
	protected boolean stopOnFailure = STOP_ON_FAILURE_EDEFAULT;

	/**
	 * The default value of the '{@link #isAllowUnverified() <em>Allow Unverified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isAllowUnverified()
	 * @generated
	 * @ordered
	 */
	protected static final boolean ALLOW_UNVERIFIED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isAllowUnverified() <em>Allow Unverified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isAllowUnverified()
	 * @generated
	 * @ordered
	 */
	protected boolean allowUnverified = ALLOW_UNVERIFIED_EDEFAULT;

	/**
	 * The cached value of the '{@link #getSteps() <em>Steps</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSteps()
	 * @generated
	 * @ordered
	 */
	protected EList<Step> steps;

	/**
	 * The cached value of the '{@link #getEvaluation() <em>Evaluation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEvaluation()
	 * @generated
	 * @ordered
	 */
	protected EvaluationSpec evaluation;

	/**
	 * The cached value of the '{@link #getGoal() <em>Goal</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGoal()
	 * @generated
	 * @ordered
	 */
	protected Goal goal;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected PipelineImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return StrataPackage.Literals.PIPELINE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDescription() {
		return description;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDescription(String newDescription) {
		String oldDescription = description;
		description = newDescription;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__DESCRIPTION, oldDescription, description));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourceModel() {
		return sourceModel;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceModel(String newSourceModel) {
		String oldSourceModel = sourceModel;
		sourceModel = newSourceModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__SOURCE_MODEL, oldSourceModel, sourceModel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public TargetRuntimeKind getTarget() {
		return target;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTarget(TargetRuntimeKind newTarget) {
		TargetRuntimeKind oldTarget = target;
		target = newTarget == null ? TARGET_EDEFAULT : newTarget;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__TARGET, oldTarget, target));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isStopOnFailure() {
		return stopOnFailure;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStopOnFailure(boolean newStopOnFailure) {
		boolean oldStopOnFailure = stopOnFailure;
		stopOnFailure = newStopOnFailure;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__STOP_ON_FAILURE, oldStopOnFailure, stopOnFailure));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isAllowUnverified() {
		return allowUnverified;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAllowUnverified(boolean newAllowUnverified) {
		boolean oldAllowUnverified = allowUnverified;
		allowUnverified = newAllowUnverified;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__ALLOW_UNVERIFIED, oldAllowUnverified, allowUnverified));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Step> getSteps() {
		if (steps == null) {
			steps = new EObjectContainmentEList<Step>(Step.class, this, StrataPackage.PIPELINE__STEPS);
		}
		return steps;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EvaluationSpec getEvaluation() {
		return evaluation;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetEvaluation(EvaluationSpec newEvaluation, NotificationChain msgs) {
		EvaluationSpec oldEvaluation = evaluation;
		evaluation = newEvaluation;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__EVALUATION, oldEvaluation, newEvaluation);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEvaluation(EvaluationSpec newEvaluation) {
		if (newEvaluation != evaluation) {
			NotificationChain msgs = null;
			if (evaluation != null)
				msgs = ((InternalEObject)evaluation).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - StrataPackage.PIPELINE__EVALUATION, null, msgs);
			if (newEvaluation != null)
				msgs = ((InternalEObject)newEvaluation).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - StrataPackage.PIPELINE__EVALUATION, null, msgs);
			msgs = basicSetEvaluation(newEvaluation, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__EVALUATION, newEvaluation, newEvaluation));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Goal getGoal() {
		return goal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetGoal(Goal newGoal, NotificationChain msgs) {
		Goal oldGoal = goal;
		goal = newGoal;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__GOAL, oldGoal, newGoal);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGoal(Goal newGoal) {
		if (newGoal != goal) {
			NotificationChain msgs = null;
			if (goal != null)
				msgs = ((InternalEObject)goal).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - StrataPackage.PIPELINE__GOAL, null, msgs);
			if (newGoal != null)
				msgs = ((InternalEObject)newGoal).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - StrataPackage.PIPELINE__GOAL, null, msgs);
			msgs = basicSetGoal(newGoal, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, StrataPackage.PIPELINE__GOAL, newGoal, newGoal));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case StrataPackage.PIPELINE__STEPS:
				return ((InternalEList<?>)getSteps()).basicRemove(otherEnd, msgs);
			case StrataPackage.PIPELINE__EVALUATION:
				return basicSetEvaluation(null, msgs);
			case StrataPackage.PIPELINE__GOAL:
				return basicSetGoal(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case StrataPackage.PIPELINE__NAME:
				return getName();
			case StrataPackage.PIPELINE__DESCRIPTION:
				return getDescription();
			case StrataPackage.PIPELINE__SOURCE_MODEL:
				return getSourceModel();
			case StrataPackage.PIPELINE__TARGET:
				return getTarget();
			case StrataPackage.PIPELINE__STOP_ON_FAILURE:
				return isStopOnFailure();
			case StrataPackage.PIPELINE__ALLOW_UNVERIFIED:
				return isAllowUnverified();
			case StrataPackage.PIPELINE__STEPS:
				return getSteps();
			case StrataPackage.PIPELINE__EVALUATION:
				return getEvaluation();
			case StrataPackage.PIPELINE__GOAL:
				return getGoal();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case StrataPackage.PIPELINE__NAME:
				setName((String)newValue);
				return;
			case StrataPackage.PIPELINE__DESCRIPTION:
				setDescription((String)newValue);
				return;
			case StrataPackage.PIPELINE__SOURCE_MODEL:
				setSourceModel((String)newValue);
				return;
			case StrataPackage.PIPELINE__TARGET:
				setTarget((TargetRuntimeKind)newValue);
				return;
			case StrataPackage.PIPELINE__STOP_ON_FAILURE:
				setStopOnFailure((Boolean)newValue);
				return;
			case StrataPackage.PIPELINE__ALLOW_UNVERIFIED:
				setAllowUnverified((Boolean)newValue);
				return;
			case StrataPackage.PIPELINE__STEPS:
				getSteps().clear();
				getSteps().addAll((Collection<? extends Step>)newValue);
				return;
			case StrataPackage.PIPELINE__EVALUATION:
				setEvaluation((EvaluationSpec)newValue);
				return;
			case StrataPackage.PIPELINE__GOAL:
				setGoal((Goal)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case StrataPackage.PIPELINE__NAME:
				setName(NAME_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__DESCRIPTION:
				setDescription(DESCRIPTION_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__SOURCE_MODEL:
				setSourceModel(SOURCE_MODEL_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__TARGET:
				setTarget(TARGET_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__STOP_ON_FAILURE:
				setStopOnFailure(STOP_ON_FAILURE_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__ALLOW_UNVERIFIED:
				setAllowUnverified(ALLOW_UNVERIFIED_EDEFAULT);
				return;
			case StrataPackage.PIPELINE__STEPS:
				getSteps().clear();
				return;
			case StrataPackage.PIPELINE__EVALUATION:
				setEvaluation((EvaluationSpec)null);
				return;
			case StrataPackage.PIPELINE__GOAL:
				setGoal((Goal)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case StrataPackage.PIPELINE__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case StrataPackage.PIPELINE__DESCRIPTION:
				return DESCRIPTION_EDEFAULT == null ? description != null : !DESCRIPTION_EDEFAULT.equals(description);
			case StrataPackage.PIPELINE__SOURCE_MODEL:
				return SOURCE_MODEL_EDEFAULT == null ? sourceModel != null : !SOURCE_MODEL_EDEFAULT.equals(sourceModel);
			case StrataPackage.PIPELINE__TARGET:
				return target != TARGET_EDEFAULT;
			case StrataPackage.PIPELINE__STOP_ON_FAILURE:
				return stopOnFailure != STOP_ON_FAILURE_EDEFAULT;
			case StrataPackage.PIPELINE__ALLOW_UNVERIFIED:
				return allowUnverified != ALLOW_UNVERIFIED_EDEFAULT;
			case StrataPackage.PIPELINE__STEPS:
				return steps != null && !steps.isEmpty();
			case StrataPackage.PIPELINE__EVALUATION:
				return evaluation != null;
			case StrataPackage.PIPELINE__GOAL:
				return goal != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (name: ");
		result.append(name);
		result.append(", description: ");
		result.append(description);
		result.append(", sourceModel: ");
		result.append(sourceModel);
		result.append(", target: ");
		result.append(target);
		result.append(", stopOnFailure: ");
		result.append(stopOnFailure);
		result.append(", allowUnverified: ");
		result.append(allowUnverified);
		result.append(')');
		return result.toString();
	}

} //PipelineImpl
