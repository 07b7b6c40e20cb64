"""Fashion-MNIST Studio's library. No Streamlit here: the pages ask it, call it and show what it answers.

The data and the pictures made of it
    ``data`` (the dataset, found and checked), ``composite`` (2x2 canvases), ``tiles`` and
    ``canvases`` (the canvas models' training data), ``preprocess`` (a drawing or an upload as
    a model's input)
The models and their training
    ``contract`` (the models' names and shapes), ``models`` (the networks), ``recipes`` (the
    knobs, the config, the presets), ``progress`` and ``training`` (the training run), ``challenge``
    (the class challenge's budget and halves)
Trained models and what they answer
    ``model_card`` and ``registry`` (a model's JSON, models on disk), ``answer_files`` (a model's
    test answers stored beside it), ``inference``, ``evaluation``, ``saliency``, ``plots``
Training jobs
    ``jobs`` (the :class:`~fmnist.jobs.TrainingQueue` interface and its one-server backend),
    ``rq_jobs`` (the same on RQ workers over Redis), ``training_queue`` (which one a server uses)
A class
    ``lesson`` (the steps and questions), ``classroom`` and ``classroom_redis`` (the class store
    in memory or in Redis)
What a student takes home, and the rest
    ``notebook``, ``take_home``, ``i18n`` (every text in English and Korean), ``cli`` and
    ``__main__`` (``python -m fmnist``)
"""
