"""The interface's helpers: what the page scripts of ``pages/`` ask, call and show with.

=====================  ============================================================================
module                 what
=====================  ============================================================================
``main``               the app's script (``app.py`` serves it): the shell, then the chosen page
``shell``              page config, sidebar (language, models in use), the navigation
``streamlit_patch``    the one private Streamlit function replaced, guarded and tested
``state``              every session-state key, and the only functions that write them
``backends``           memory or Redis class store; local or RQ training queues (from the environment)
``text``               the page's language and its texts (:func:`ui.text.tr`)
``dataset``            the dataset, read once per server
``models``             which model each session uses; models loaded once per file version
``widgets``            crisp images, multi-hot boxes, tabs that draw only the open one
``data_figures``       the data's figures (Browse, the Lesson)
``answers``            the tutorial's bars and the canvas models' answers (Predict, Draw, the Lesson)
``test_answers``       every test answer of a model, and the figures made of them
``own_garment``        the drawing square and its answers (Draw & upload, the Lesson)
``take_home``          a model and its notebook as downloads
``challenge``          the class challenge: knobs, queue, board
``lesson_class``       the Lesson's class: roles, joining, the teacher's and students' panels, following
``lesson_steps``       each lesson step's live element and each question's reveal
``lesson_figures``     the Lesson's own figures (calibration, curves, feature maps …), computed once
``lesson_questions``   each question asked as the role asks it (alone, student, teacher)
``predict_parts``      Predict's widgets, evaluations and side-by-side of the plain CNNs
``train_recipe``       the Train page's recipe form
``train_watch``        the Train page's progress, curves and server trainings
``train_panels``       the Train page's shipped, stored and compared models
``warm_up``            the server's first minutes: data, TensorFlow and models ready ahead of visitors
=====================  ============================================================================

``pages/`` imports ``ui``; ``ui`` imports ``fmnist`` and never ``pages``; ``fmnist`` imports
neither (and no Streamlit).
"""
