/**
 */
package org.strata.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Run Record</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.strata.model.RunRecord#getPipelineName <em>Pipeline Name</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getPipelineFile <em>Pipeline File</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getSourceModel <em>Source Model</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getOutputModel <em>Output Model</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getStrataVersion <em>Strata Version</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getStartedAt <em>Started At</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getDurationMillis <em>Duration Millis</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getStatus <em>Status</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#isGoalMet <em>Goal Met</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getGoalMessage <em>Goal Message</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getBatch <em>Batch</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getBaseline <em>Baseline</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.strata.model.RunRecord#getLog <em>Log</em>}</li>
 * </ul>
 *
 * @see org.strata.model.StrataPackage#getRunRecord()
 * @model
 * @generated
 */
public interface RunRecord extends EObject {
	/**
	 * Returns the value of the '<em><b>Pipeline Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pipeline Name</em>' attribute.
	 * @see #setPipelineName(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_PipelineName()
	 * @model
	 * @generated
	 */
	String getPipelineName();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getPipelineName <em>Pipeline Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pipeline Name</em>' attribute.
	 * @see #getPipelineName()
	 * @generated
	 */
	void setPipelineName(String value);

	/**
	 * Returns the value of the '<em><b>Pipeline File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pipeline File</em>' attribute.
	 * @see #setPipelineFile(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_PipelineFile()
	 * @model
	 * @generated
	 */
	String getPipelineFile();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getPipelineFile <em>Pipeline File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pipeline File</em>' attribute.
	 * @see #getPipelineFile()
	 * @generated
	 */
	void setPipelineFile(String value);

	/**
	 * Returns the value of the '<em><b>Source Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Model</em>' attribute.
	 * @see #setSourceModel(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_SourceModel()
	 * @model
	 * @generated
	 */
	String getSourceModel();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getSourceModel <em>Source Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Model</em>' attribute.
	 * @see #getSourceModel()
	 * @generated
	 */
	void setSourceModel(String value);

	/**
	 * Returns the value of the '<em><b>Output Model</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Output Model</em>' attribute.
	 * @see #setOutputModel(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_OutputModel()
	 * @model
	 * @generated
	 */
	String getOutputModel();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getOutputModel <em>Output Model</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Output Model</em>' attribute.
	 * @see #getOutputModel()
	 * @generated
	 */
	void setOutputModel(String value);

	/**
	 * Returns the value of the '<em><b>Strata Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Strata Version</em>' attribute.
	 * @see #setStrataVersion(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_StrataVersion()
	 * @model
	 * @generated
	 */
	String getStrataVersion();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getStrataVersion <em>Strata Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Strata Version</em>' attribute.
	 * @see #getStrataVersion()
	 * @generated
	 */
	void setStrataVersion(String value);

	/**
	 * Returns the value of the '<em><b>Started At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Started At</em>' attribute.
	 * @see #setStartedAt(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_StartedAt()
	 * @model
	 * @generated
	 */
	String getStartedAt();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getStartedAt <em>Started At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Started At</em>' attribute.
	 * @see #getStartedAt()
	 * @generated
	 */
	void setStartedAt(String value);

	/**
	 * Returns the value of the '<em><b>Duration Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Duration Millis</em>' attribute.
	 * @see #setDurationMillis(long)
	 * @see org.strata.model.StrataPackage#getRunRecord_DurationMillis()
	 * @model
	 * @generated
	 */
	long getDurationMillis();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getDurationMillis <em>Duration Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Duration Millis</em>' attribute.
	 * @see #getDurationMillis()
	 * @generated
	 */
	void setDurationMillis(long value);

	/**
	 * Returns the value of the '<em><b>Status</b></em>' attribute.
	 * The literals are from the enumeration {@link org.strata.model.RunStatus}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Status</em>' attribute.
	 * @see org.strata.model.RunStatus
	 * @see #setStatus(RunStatus)
	 * @see org.strata.model.StrataPackage#getRunRecord_Status()
	 * @model
	 * @generated
	 */
	RunStatus getStatus();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getStatus <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Status</em>' attribute.
	 * @see org.strata.model.RunStatus
	 * @see #getStatus()
	 * @generated
	 */
	void setStatus(RunStatus value);

	/**
	 * Returns the value of the '<em><b>Goal Met</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Goal Met</em>' attribute.
	 * @see #setGoalMet(boolean)
	 * @see org.strata.model.StrataPackage#getRunRecord_GoalMet()
	 * @model
	 * @generated
	 */
	boolean isGoalMet();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#isGoalMet <em>Goal Met</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Goal Met</em>' attribute.
	 * @see #isGoalMet()
	 * @generated
	 */
	void setGoalMet(boolean value);

	/**
	 * Returns the value of the '<em><b>Goal Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Goal Message</em>' attribute.
	 * @see #setGoalMessage(String)
	 * @see org.strata.model.StrataPackage#getRunRecord_GoalMessage()
	 * @model
	 * @generated
	 */
	String getGoalMessage();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getGoalMessage <em>Goal Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Goal Message</em>' attribute.
	 * @see #getGoalMessage()
	 * @generated
	 */
	void setGoalMessage(String value);

	/**
	 * Returns the value of the '<em><b>Threads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Threads</em>' attribute.
	 * @see #setThreads(int)
	 * @see org.strata.model.StrataPackage#getRunRecord_Threads()
	 * @model
	 * @generated
	 */
	int getThreads();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getThreads <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Threads</em>' attribute.
	 * @see #getThreads()
	 * @generated
	 */
	void setThreads(int value);

	/**
	 * Returns the value of the '<em><b>Batch</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Batch</em>' attribute.
	 * @see #setBatch(int)
	 * @see org.strata.model.StrataPackage#getRunRecord_Batch()
	 * @model
	 * @generated
	 */
	int getBatch();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getBatch <em>Batch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Batch</em>' attribute.
	 * @see #getBatch()
	 * @generated
	 */
	void setBatch(int value);

	/**
	 * Returns the value of the '<em><b>Baseline</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source model measured before any step: the reference every ratio is relative to.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Baseline</em>' containment reference.
	 * @see #setBaseline(StepResult)
	 * @see org.strata.model.StrataPackage#getRunRecord_Baseline()
	 * @model containment="true"
	 * @generated
	 */
	StepResult getBaseline();

	/**
	 * Sets the value of the '{@link org.strata.model.RunRecord#getBaseline <em>Baseline</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Baseline</em>' containment reference.
	 * @see #getBaseline()
	 * @generated
	 */
	void setBaseline(StepResult value);

	/**
	 * Returns the value of the '<em><b>Steps</b></em>' containment reference list.
	 * The list contents are of type {@link org.strata.model.StepResult}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Steps</em>' containment reference list.
	 * @see org.strata.model.StrataPackage#getRunRecord_Steps()
	 * @model containment="true"
	 * @generated
	 */
	EList<StepResult> getSteps();

	/**
	 * Returns the value of the '<em><b>Log</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Log</em>' attribute list.
	 * @see org.strata.model.StrataPackage#getRunRecord_Log()
	 * @model
	 * @generated
	 */
	EList<String> getLog();

} // RunRecord
