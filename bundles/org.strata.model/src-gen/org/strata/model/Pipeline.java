/**
 */
package org.strata.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Pipeline</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An ordered chain of compression steps applied to one source model, with how to evaluate the result and the goal it must meet.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.Pipeline#getName <em>Name</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getDescription <em>Description</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getSourceModel <em>Source Model</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getTarget <em>Target</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#isStopOnFailure <em>Stop On Failure</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#isAllowUnverified <em>Allow Unverified</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getEvaluation <em>Evaluation</em>}</li>
 *   <li>{@link org.strata.model.Pipeline#getGoal <em>Goal</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getPipeline()
 * @model
 * @generated
 */
public interface Pipeline extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.strata.model.StrataPackage#getPipeline_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Description</em>' attribute.
	 * @see #setDescription(String)
	 * @see org.strata.model.StrataPackage#getPipeline_Description()
	 * @model
	 * @generated
	 */
	String getDescription();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getDescription <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Description</em>' attribute.
	 * @see #getDescription()
	 * @generated
	 */
	void setDescription(String value);

	/**
	 * Returns the value of the '<em><b>Source Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Path of the model to compress, relative to the pipeline file, or 'minilm' for the embedded model. Empty: given at run time.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source Model</em>' attribute.
	 * @see #setSourceModel(String)
	 * @see org.strata.model.StrataPackage#getPipeline_SourceModel()
	 * @model
	 * @generated
	 */
	String getSourceModel();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getSourceModel <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Model</em>' attribute.
	 * @see #getSourceModel()
	 * @generated
	 */
	void setSourceModel(String value);

	/**
	 * Returns the value of the '<em><b>Target</b></em>' attribute.
	 * The default value is <code>"onnxruntime"</code>.
	 * The literals are from the enumeration {@link org.strata.model.TargetRuntimeKind}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target</em>' attribute.
	 * @see org.strata.model.TargetRuntimeKind
	 * @see #setTarget(TargetRuntimeKind)
	 * @see org.strata.model.StrataPackage#getPipeline_Target()
	 * @model default="onnxruntime"
	 * @generated
	 */
	TargetRuntimeKind getTarget();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getTarget <em>Target</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target</em>' attribute.
	 * @see org.strata.model.TargetRuntimeKind
	 * @see #getTarget()
	 * @generated
	 */
	void setTarget(TargetRuntimeKind value);

	/**
	 * Returns the value of the '<em><b>Stop On Failure</b></em>' attribute.
	 * The default value is <code>"true"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Stop On Failure</em>' attribute.
	 * @see #setStopOnFailure(boolean)
	 * @see org.strata.model.StrataPackage#getPipeline_StopOnFailure()
	 * @model default="true"
	 * @generated
	 */
	boolean isStopOnFailure();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#isStopOnFailure <em>Stop On Failure</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Stop On Failure</em>' attribute.
	 * @see #isStopOnFailure()
	 * @generated
	 */
	void setStopOnFailure(boolean value);

	/**
	 * Returns the value of the '<em><b>Allow Unverified</b></em>' attribute.
	 * The default value is <code>"false"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Allow Unverified</em>' attribute.
	 * @see #setAllowUnverified(boolean)
	 * @see org.strata.model.StrataPackage#getPipeline_AllowUnverified()
	 * @model default="false"
	 * @generated
	 */
	boolean isAllowUnverified();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#isAllowUnverified <em>Allow Unverified</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Allow Unverified</em>' attribute.
	 * @see #isAllowUnverified()
	 * @generated
	 */
	void setAllowUnverified(boolean value);

	/**
	 * Returns the value of the '<em><b>Steps</b></em>' containment reference list.
	 * The list contents are of type {@link org.strata.model.Step}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Steps</em>' containment reference list.
	 * @see org.strata.model.StrataPackage#getPipeline_Steps()
	 * @model containment="true"
	 * @generated
	 */
	EList<Step> getSteps();

	/**
	 * Returns the value of the '<em><b>Evaluation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Evaluation</em>' containment reference.
	 * @see #setEvaluation(EvaluationSpec)
	 * @see org.strata.model.StrataPackage#getPipeline_Evaluation()
	 * @model containment="true"
	 * @generated
	 */
	EvaluationSpec getEvaluation();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getEvaluation <em>Evaluation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Evaluation</em>' containment reference.
	 * @see #getEvaluation()
	 * @generated
	 */
	void setEvaluation(EvaluationSpec value);

	/**
	 * Returns the value of the '<em><b>Goal</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Goal</em>' containment reference.
	 * @see #setGoal(Goal)
	 * @see org.strata.model.StrataPackage#getPipeline_Goal()
	 * @model containment="true"
	 * @generated
	 */
	Goal getGoal();

	/**
	 * Sets the value of the '{@link org.strata.model.Pipeline#getGoal <em>Goal</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Goal</em>' containment reference.
	 * @see #getGoal()
	 * @generated
	 */
	void setGoal(Goal value);

} // Pipeline
