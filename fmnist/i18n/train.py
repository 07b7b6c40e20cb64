"""Text of the Train page."""

TEXT = {
    "train.title": ("Train the models", "모델 학습"),
    "train.intro": (
        "Every page starts with the shipped models, so the studio works at once. Here you can train "
        "your own: **Quick** takes 10-20 seconds on two CPU cores (measured: the tutorial model 9 s, the canvas models 16-20 s), **Full** up to a quarter of an hour. "
        "A model trained once is stored, so the same settings load instantly the next time.",
        "모든 페이지는 기본 제공 모델로 시작하므로 바로 쓸 수 있습니다. 여기서 직접 학습시킬 수도 있습니다. "
        "**빠른 학습**은 CPU 코어 2개로 10~20초(측정값: 튜토리얼 모델 9초, 캔버스 모델 16~20초), **정식 학습**은 15분까지 걸립니다. "
        "한 번 학습한 모델은 저장되므로 같은 설정은 다음에 바로 불러옵니다.",
    ),
    "train.active_shipped": ("In use in this session: the shipped model, {metric}.",
                             "이번 세션에서 사용 중: 기본 제공 모델, {metric}."),
    "train.active_trained": ("In use in this session: your model `{model_id}`, {metric}.",
                             "이번 세션에서 사용 중: 직접 학습한 모델 `{model_id}`, {metric}."),
    "train.active_missing": (
        "The shipped model `{path}` is missing, so the prediction pages have no model of this kind yet. "
        "Train one with **Train now**, or run `python -m fmnist train {kind}` on the server.",
        "기본 제공 모델 `{path}` 파일이 없어서 예측 페이지에서 아직 이 종류의 모델을 쓸 수 없습니다. "
        "**지금 학습**으로 학습시키거나 서버에서 `python -m fmnist train {kind}` 명령을 실행하세요.",
    ),
    "train.source": ("Model", "모델"),
    "train.source_shipped": ("Use the shipped model", "기본 제공 모델 사용"),
    "train.source_train": ("Train now", "지금 학습"),
    "train.shipped_corrupt": ("The shipped model file cannot be read: {error}",
                              "기본 제공 모델 파일을 읽을 수 없습니다: {error}"),
    "train.shipped_no_json": ("The description of the shipped model (`{path}`) is missing or unreadable.",
                              "기본 제공 모델의 설명 파일(`{path}`)이 없거나 읽을 수 없습니다."),
    "train.shipped_facts": (
        "Trained for {epochs} epochs on {train_size:,} images in {time} on {cpus} CPU cores; "
        "{params:,} parameters.",
        "이미지 {train_size:,}장으로 {epochs} 에포크, CPU 코어 {cpus}개에서 {time} 동안 학습했습니다. "
        "가중치는 {params:,}개입니다.",
    ),
    "train.shipped_mirror": (
        "It answers every quadrant twice, as it is and mirrored left-right, and averages the two answers.",
        "칸마다 그대로 한 번, 좌우로 뒤집어 한 번 답하고 두 답을 평균합니다.",
    ),
    "train.use_shipped": ("Use the shipped model", "기본 제공 모델 사용"),
    "train.preset": ("Recipe", "학습 방법"),
    "train.preset_quick": ("Quick", "빠른 학습"),
    "train.preset_full": ("Full", "정식 학습"),
    "train.preset_full_shipped": ("Full (the shipped model's)", "정식 학습(기본 제공 모델)"),
    "train.preset_shipped": ("As shipped", "기본 제공 모델과 같게"),
    "train.preset_help": (
        "Quick trains in 10-20 seconds on two CPU cores (measured: 9 s for the tutorial model, 16-20 s for a canvas model); Full takes up to a quarter of an hour for a canvas "
        "model. The shipped tile networks were trained longer (As shipped: twice Full's epochs, about half an "
        "hour, and every quadrant answered twice, as it is and mirrored). The shipped model is already "
        "there: choosing its exact settings offers it instead of training. Each recipe fills in the settings "
        "below, which you can change.",
        "빠른 학습은 CPU 코어 2개로 10~20초(측정값: 튜토리얼 모델 9초, 캔버스 모델 16~20초), 정식 학습은 캔버스 모델의 경우 15분까지 걸립니다. 기본 제공 타일 신경망은 더 오래 "
        "학습했습니다(기본 제공 모델과 같게: 정식 학습의 두 배 에포크로 약 30분, 그리고 칸마다 그대로 한 번, 좌우로 뒤집어 "
        "한 번 답합니다). 기본 제공 모델은 이미 있으므로, 그 설정 그대로 고르면 학습 대신 그 모델을 권합니다. "
        "학습 방법마다 아래 설정을 채워 주며, 설정은 바꿀 수 있습니다.",
    ),
    "train.epochs": ("Epochs", "에포크"),
    "train.epochs_help": ("How many times the network sees the training images.",
                          "신경망이 학습 이미지를 몇 번 보는지."),
    "train.hidden": ("Hidden units", "은닉 유닛 수"),
    "train.hidden_help": ("Units of the tutorial model's hidden Dense layer (the tutorial's: 128).",
                          "튜토리얼 모델의 은닉 Dense 층에 있는 유닛(노드) 수(튜토리얼은 128)."),
    "train.normalise": ("Pixels it trains on", "학습에 쓰는 픽셀 값"),
    "train.normalise_help": ("x/255 (0 to 1, the tutorial's) or the stored 0-255 without normalisation.",
                             "x/255(0~1, 튜토리얼 방식) 또는 정규화하지 않은 원래 값 0~255."),
    "train.normalise_scale": ("x/255 (0 to 1)", "x/255(0~1)"),
    "train.normalise_raw": ("Raw 0-255", "원래 값 0~255"),
    "train.batch_size": ("Batch size", "배치 크기"),
    "train.batch_size_help": ("Images per weight update.", "가중치를 한 번 바꿀 때 쓰는 이미지 수."),
    "train.learning_rate": ("Learning rate", "학습률"),
    "train.learning_rate_help": ("How big each step of the Adam optimiser is.", "Adam 옵티마이저의 한 걸음 크기."),
    "train.train_size": ("Training images", "학습 이미지 수"),
    "train.train_size_help": (
        "Garments drawn from the 55,000 training images; 5,000 more are held out for validation.",
        "학습 이미지 55,000장에서 뽑는 옷의 수. 다른 5,000장은 검증용으로 따로 둡니다.",
    ),
    "train.seed": ("Seed", "시드"),
    "train.seed_help": ("Decides the data order, the composites and the first weights: the same seed "
                        "gives the same model.",
                        "데이터 순서, 합성 이미지, 초기 가중치를 정합니다. 시드가 같으면 같은 모델이 나옵니다."),
    "train.architecture": ("Network architecture", "신경망 구조"),
    "train.arch": ("Network", "신경망"),
    "train.arch_help": (
        "How the model reads the 56x56 canvas. The tile network is told that a garment sits in one quadrant: "
        "one small network looks at each quadrant, and the four answers are combined. The plain CNN is the "
        "original notebook's: one network over the whole canvas, which has to find that out by itself.",
        "모델이 56x56 캔버스를 읽는 방식입니다. 타일 신경망은 옷이 한 칸에 놓인다는 것을 알고 시작합니다. 작은 신경망 "
        "하나가 칸을 하나씩 보고, 네 답을 합칩니다. 단순 CNN은 원본 노트북의 방식으로, 신경망 하나가 캔버스 전체를 "
        "보며 그것을 스스로 알아내야 합니다.",
    ),
    "train.arch_tiles": ("Tile network (looks at each quadrant): the studio's",
                         "타일 신경망(칸을 하나씩 봄): 스튜디오 방식"),
    "train.arch_plain": ("Plain CNN on the whole canvas (the original notebook's)",
                         "캔버스 전체를 보는 단순 CNN(원본 노트북 방식)"),
    "train.arch_short_tiles": ("tile network", "타일 신경망"),
    "train.arch_short_plain": ("plain CNN", "단순 CNN"),
    "train.active_shipped_plain": ("In use in this session: the shipped plain CNN (the original notebook's), {metric}.",
                                   "이번 세션에서 사용 중: 기본 제공 단순 CNN(원본 노트북 방식), {metric}."),
    "train.plain_missing": (
        "The plain CNN `{path}` is not there yet. Train one with **Train now** (Network: plain CNN), or run "
        "`python -m fmnist train {kind} --arch plain` on the server.",
        "단순 CNN 모델 `{path}` 파일이 아직 없습니다. **지금 학습**에서 신경망을 단순 CNN으로 골라 학습시키거나, "
        "서버에서 `python -m fmnist train {kind} --arch plain` 명령을 실행하세요.",
    ),
    "train.stored_plain": ("plain CNN", "단순 CNN"),
    "train.compare_title": ("Tile network or plain CNN: what knowing the quadrants is worth",
                            "타일 신경망과 단순 CNN: 칸을 알면 얼마나 나아질까"),
    "train.compare_intro": (
        "The same question, the same 10,000 test canvases, two networks. The tile network is told that a garment "
        "sits in one quadrant; the plain CNN, the original notebook's, has to learn it from the canvases. "
        "The table below also says how long each was trained: train both here for the same time for an even "
        "match.",
        "같은 문제, 같은 테스트 캔버스 10,000장, 두 신경망. 타일 신경망은 옷이 한 칸에 놓인다는 것을 알고 시작하고, "
        "원본 노트북의 단순 CNN은 그것을 캔버스에서 스스로 배워야 합니다. 아래 표에는 각각 얼마나 오래 학습했는지도 "
        "나옵니다. 공평하게 비교하려면 여기서 둘을 같은 시간 동안 학습시켜 보세요.",
    ),
    "train.compare_needs": ("To compare, a model of each network is needed: there is no {network} model of this "
                            "kind yet.",
                            "비교하려면 두 신경망의 모델이 모두 있어야 합니다. 이 종류의 {network} 모델이 아직 없습니다."),
    "train.compare_which": ("Compared: {tiles} and {plain}.", "비교 대상: {tiles}, {plain}."),
    "train.compare_shipped": ("the shipped {network}", "기본 제공 {network}"),
    "train.compare_stored": ("the stored {network} `{model_id}`", "저장된 {network} `{model_id}`"),
    "train.compare_worth_accuracy": (
        "Knowing that garments sit in quadrants is worth **{points:+.1f} points** of test accuracy here: "
        "{tiles:.1%} for the tile network against {plain:.1%} for the plain CNN.",
        "옷이 칸 안에 놓인다는 것을 알면 여기서는 테스트 정확도가 **{points:+.1f}%p** 달라집니다"
        "(타일 신경망 {tiles:.1%}, 단순 CNN {plain:.1%}).",
    ),
    "train.compare_worth_exact_match": (
        "Knowing that garments sit in quadrants is worth **{points:+.1f} points** of exact match here: "
        "{tiles:.1%} for the tile network against {plain:.1%} for the plain CNN.",
        "옷이 칸 안에 놓인다는 것을 알면 여기서는 완전 일치율이 **{points:+.1f}%p** 달라집니다"
        "(타일 신경망 {tiles:.1%}, 단순 CNN {plain:.1%}).",
    ),
    "train.compare_measure": ("measure", "항목"),
    "train.compare_difference": ("difference", "차이"),
    "train.compare_time": ("training time", "학습 시간"),
    "train.compare_params": ("parameters", "가중치 수"),
    "train.compare_epochs": ("epochs", "에포크"),
    "train.compare_curve": ("Validation score after each epoch", "에포크마다의 검증 점수"),
    "train.compare_curve_single": (
        "Each network's own score on the validation canvases while it trained: for the tile network, the share "
        "of quadrants it names right; for the plain CNN, the share of canvases. The test figures above are "
        "measured the same way for both.",
        "학습하는 동안 각 신경망이 검증 캔버스에서 얻은 점수입니다. 타일 신경망은 칸을 맞힌 비율, 단순 CNN은 캔버스를 "
        "맞힌 비율입니다. 위의 테스트 결과는 두 신경망 모두 같은 방식으로 잰 것입니다.",
    ),
    "train.compare_curve_multi": (
        "Each network's own score on the validation canvases while it trained: for the tile network, the share "
        "of quadrants it names right; for the plain CNN, the share of canvases with all ten answers right. The "
        "test figures above are measured the same way for both.",
        "학습하는 동안 각 신경망이 검증 캔버스에서 얻은 점수입니다. 타일 신경망은 칸을 맞힌 비율, 단순 CNN은 10개 답이 "
        "모두 맞은 캔버스의 비율입니다. 위의 테스트 결과는 두 신경망 모두 같은 방식으로 잰 것입니다.",
    ),
    "train.width": ("Filters in the first conv block", "첫 합성곱 블록의 필터 수"),
    "train.width_help": ("Each block after the first has twice as many filters. More filters can tell more "
                         "edges and textures apart, and train more slowly.",
                         "다음 블록마다 필터 수가 두 배가 됩니다. 필터가 많을수록 더 많은 가장자리와 질감을 구별할 수 "
                         "있지만 학습이 느려집니다."),
    "train.blocks": ("Conv blocks", "합성곱 블록 수"),
    "train.blocks_help": ("Each block halves the picture: 28 → 14 → 7 → 3 pixels.",
                          "블록 하나를 지날 때마다 이미지가 절반 크기가 됩니다: 28 → 14 → 7 → 3 픽셀."),
    "train.convs": ("Conv layers per block", "블록당 합성곱 층 수"),
    "train.convs_help": ("Convolution layers a block stacks before it halves the picture: more layers, "
                         "a deeper network.",
                         "블록이 이미지를 절반으로 줄이기 전에 쌓는 합성곱 층 수. 층이 많을수록 신경망이 깊어집니다."),
    "train.mirror_average": ("Average with the mirror image", "거울상과 평균"),
    "train.mirror_average_help": (
        "Every quadrant is answered twice, as it is and mirrored left-right, and the two answers are averaged: "
        "a garment seen in a mirror is the same garment. Training is unchanged; answering takes twice the "
        "compute (still a few milliseconds a picture).",
        "칸마다 그대로 한 번, 좌우로 뒤집어 한 번 답하고 두 답을 평균합니다. 거울에 비친 옷도 같은 옷이니까요. "
        "학습은 그대로이고, 답하는 계산은 두 배가 됩니다(그래도 이미지 한 장에 몇 밀리초).",
    ),
    "train.tile_answer": ("What each quadrant's network answers", "칸마다 신경망이 내는 답"),
    "train.tile_answer_softmax": ("softmax: one of ten garments, or empty", "소프트맥스: 옷 10종 중 하나, 또는 빈 칸"),
    "train.tile_answer_sigmoid": ("ten sigmoids: each class yes or no (binary cross-entropy)",
                                  "시그모이드 10개: 클래스마다 예/아니요(이진 교차 엔트로피)"),
    "train.stored_sigmoid": ("sigmoid tiles", "시그모이드 타일"),
    "train.tile_answer_help": (
        "A quadrant holds at most one garment, so a softmax over ten garments and \"empty\" fits it; "
        "ten sigmoids are the textbook multi-label answer. Either way the canvas answer is, for each class, "
        "the probability that it is in at least one quadrant. Train both and compare their exact match.",
        "한 칸에는 옷이 최대 하나이므로 옷 10종과 \"빈 칸\"에 대한 소프트맥스가 잘 맞습니다. 시그모이드 10개는 "
        "교과서적인 다중 레이블 답입니다. 어느 쪽이든 캔버스의 답은 클래스마다 적어도 한 칸에 있을 확률입니다. "
        "둘 다 학습해 완전 일치율을 비교해 보세요.",
    ),
    "train.cached": ("Trained before with exactly these settings: loads instantly.",
                     "정확히 이 설정으로 학습한 적이 있습니다. 바로 불러옵니다."),
    "train.cached_in_use": ("Trained before with exactly these settings, and in use now.",
                            "정확히 이 설정으로 학습한 적이 있고, 지금 사용 중입니다."),
    "train.shipped_recipe": (
        "These are exactly the settings the shipped model was trained with: use it, no training needed.",
        "기본 제공 모델을 학습한 설정과 정확히 같습니다. 학습할 필요 없이 그 모델을 쓰세요.",
    ),
    "train.shipped_recipe_in_use": (
        "These are exactly the settings the shipped model was trained with, and it is in use now.",
        "기본 제공 모델을 학습한 설정과 정확히 같고, 그 모델을 지금 사용 중입니다.",
    ),
    "train.start": ("Train", "학습 시작"),
    "train.load": ("Load the stored model", "저장된 모델 불러오기"),
    "train.job_title": ("Training `{model_id}`", "`{model_id}` 학습"),
    "train.queued": (
        "Waiting: place {position} in the queue. One model trains at a time on this server.",
        "대기 중: {position}번째 순서입니다. 이 서버에서는 한 번에 모델 하나만 학습합니다.",
    ),
    "train.preparing": ("Preparing the training data…", "학습 데이터를 준비하는 중…"),
    "train.epoch_bar": ("Epoch {epoch} of {epochs}", "에포크 {epoch} / {epochs}"),
    "train.batch_bar": ("Batch {batch} of {batches}", "배치 {batch} / {batches}"),
    "train.eta": ("About {left} left · {elapsed} so far", "약 {left} 남음 · {elapsed} 경과"),
    "train.evaluating": ("Evaluating on the test set…", "테스트 세트로 평가하는 중…"),
    "train.cancel": ("Cancel", "취소"),
    "train.cancelling": ("Stopping after this batch…", "이번 배치가 끝나면 멈춥니다…"),
    "train.cancelled": ("Training was cancelled.", "학습이 취소되었습니다."),
    "train.failed": ("Training failed: {error}", "학습에 실패했습니다: {error}"),
    "train.done": (
        "Trained in {time} and stored as `{model_id}`: this model is now in use on every page of this session.",
        "{time} 동안 학습하고 `{model_id}` 이름으로 저장했습니다. 이제 이번 세션의 모든 페이지에서 이 모델을 씁니다.",
    ),
    "train.cached_done": (
        "Loaded the stored model `{model_id}` (trained before): it is now in use on every page of this session.",
        "저장된 `{model_id}` 모델을 불러왔습니다(이전에 학습함). 이제 이번 세션의 모든 페이지에서 이 모델을 씁니다.",
    ),
    "train.curve_loss": ("Loss", "손실"),
    "train.curve_accuracy": ("Accuracy", "정확도"),
    "train.curve_accuracy_tiles": ("Accuracy per tile (quadrant)", "칸 단위 정확도(칸 하나가 한 문제)"),
    "train.curve_accuracy_canvas": ("Accuracy per canvas", "캔버스 단위 정확도(캔버스 하나가 한 문제)"),
    "train.curve_exact_canvas": ("Exact match per canvas (all ten answers right)",
                                 "캔버스 단위 완전 일치율(10개 답이 모두 맞아야 정답)"),
    "train.split_train": ("training", "학습"),
    "train.split_validation": ("validation", "검증"),
    "train.epoch": ("epoch", "에포크"),
    "train.tooltip_split": ("set", "세트"),
    "train.tooltip_value": ("value", "값"),
    "train.stored": ("Stored models", "저장된 모델"),
    "train.stored_none": ("No trained models of this kind are stored yet.", "이 종류로 저장된 모델이 아직 없습니다."),
    "train.stored_row": (
        "epochs {epochs} · {train_size:,} images · batch {batch_size} · learning rate {learning_rate} · "
        "seed {seed} · trained in {time} · {when}",
        "{epochs} 에포크 · 이미지 {train_size:,}장 · 배치 {batch_size} · 학습률 {learning_rate} · "
        "시드 {seed} · 학습 {time} · {when}",
    ),
    "train.use": ("Use this", "이 모델 사용"),
    "train.in_use": ("In use", "사용 중"),
    "train.delete": ("Delete", "삭제"),
    "train.corrupt": ("Skipped an unreadable stored model. {error}",
                      "읽을 수 없는 저장 모델을 건너뛰었습니다. {error}"),
    "train.server_jobs": ("Also training on this server", "이 서버에서 함께 학습 중"),
    "train.interrupted_title": ("Stopped by a server restart", "서버 재시작으로 멈춘 학습"),
    "train.interrupted": ("{model} `{model_id}`: failed, the server stopped before it finished. Nothing half-made was "
                          "stored; ask for it again to train it.",
                          "{model} `{model_id}`: 실패. 끝나기 전에 서버가 멈췄습니다. 반쯤 만든 모델은 저장되지 않았으니, "
                          "다시 요청하면 새로 학습합니다."),
    "train.server_running": ("{model} `{model_id}`: training, {percent:.0%}", "{model} `{model_id}`: 학습 중, {percent:.0%}"),
    "train.server_waiting": ("{model} `{model_id}`: waiting, place {position}", "{model} `{model_id}`: 대기 중, {position}번째"),
}
