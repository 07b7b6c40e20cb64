"""Text of the Browse page."""

TEXT = {
    "browse.title": ("Browse the dataset", "데이터 둘러보기"),
    "browse.intro": (
        "Fashion-MNIST: 70,000 greyscale pictures of clothing, 28x28 pixels each, in ten classes. "
        "Look at them by class, see what normalisation does to the numbers, and find the "
        "\"average\" garment of each class.",
        "패션 MNIST는 10개 클래스의 흑백 옷 사진 70,000장이고, 한 장은 28x28 픽셀입니다. "
        "클래스별로 살펴보고, 정규화가 숫자를 어떻게 바꾸는지 보고, 클래스마다 \"평균\" 옷을 찾아봅니다.",
    ),
    "browse.split": ("Images from", "이미지를 가져올 세트"),
    "browse.split_train": ("training set", "학습 세트"),
    "browse.split_test": ("test set", "테스트 세트"),

    # The dataset at a glance
    "browse.glance": ("The dataset at a glance", "데이터 한눈에 보기"),
    "browse.train_count": ("Training images", "학습 이미지"),
    "browse.test_count": ("Test images", "테스트 이미지"),
    "browse.shape": ("Image shape", "이미지 크기"),
    "browse.shape_help": ("Height × width in pixels; one image is 784 numbers.",
                          "세로 × 가로 픽셀 수. 이미지 한 장은 숫자 784개입니다."),
    "browse.range": ("Pixel range", "픽셀 값 범위"),
    "browse.range_scaled": ("After x / 255", "x / 255 이후"),
    "browse.range_help": ("Raw pixels are whole numbers 0-255; divided by 255 they become 0.0-1.0.",
                          "원래 픽셀은 0-255의 정수이고, 255로 나누면 0.0-1.0이 됩니다."),
    "browse.counts_title": ("Images per class ({split})", "클래스별 이미지 수({split})"),
    "browse.counts_ylabel": ("images", "이미지 수"),
    "browse.counts_caption": ("Every class has the same number of images: the set is balanced, so "
                              "guessing one class would be right only 10% of the time.",
                              "모든 클래스의 이미지 수가 같습니다(균형 잡힌 데이터). 한 클래스만 찍으면 "
                              "10%만 맞힙니다."),
    "browse.first_title": ("Image #0: {name}", "이미지 #0: {name}"),
    "browse.first_colorbar": ("pixel value", "픽셀 값"),
    "browse.first_caption": ("The tutorial's first image with a colour bar: each pixel is a number "
                             "from 0 (black) to 255 (white).",
                             "튜토리얼의 첫 번째 이미지와 컬러바: 각 픽셀은 0(검정)부터 255(흰색)까지의 숫자입니다."),

    # Samples by class
    "browse.samples": ("Samples by class", "클래스별 샘플"),
    "browse.tab_one": ("One class", "한 클래스"),
    "browse.tab_all": ("All classes", "모든 클래스"),
    "browse.class": ("Class", "클래스"),
    "browse.count": ("How many images", "이미지 개수"),
    "browse.order": ("Order", "순서"),
    "browse.order_dataset": ("In dataset order", "데이터 순서대로"),
    "browse.order_shuffled": ("Shuffled", "무작위"),
    "browse.page": ("Page", "페이지"),
    "browse.seed": ("Shuffle seed", "섞기 시드"),
    "browse.shuffle_again": ("Shuffle again", "다시 섞기"),
    "browse.strip_caption": ("{count} images of {name} from the {split}, showing {first}–{last} of {total}.",
                             "{split}의 {name} 이미지 {count}장({total}장 중 {first}–{last}번째)."),
    "browse.strip_caption_shuffled": ("{count} random images of {name} from the {split} (seed {seed}).",
                                      "{split}에서 무작위로 고른 {name} 이미지 {count}장(시드 {seed})."),
    "browse.strip_caption_one": ("1 image of {name} from the {split}, number {first} of {total}.",
                                 "{split}의 {name} 이미지 1장({total}장 중 {first}번째)."),
    "browse.strip_caption_shuffled_one": ("1 random image of {name} from the {split} (seed {seed}).",
                                          "{split}에서 무작위로 고른 {name} 이미지 1장(시드 {seed})."),
    "browse.pick": ("Look closer at", "크게 볼 이미지"),
    "browse.detail_title": ("Image #{index}: {name}", "이미지 #{index}: {name}"),
    "browse.detail_label": ("Label: {label} ({name})", "레이블: {label}({name})"),
    "browse.stat": ("Statistic", "통계"),
    "browse.value": ("Value", "값"),
    "browse.stat_min": ("Darkest pixel", "가장 어두운 픽셀"),
    "browse.stat_max": ("Brightest pixel", "가장 밝은 픽셀"),
    "browse.stat_mean": ("Mean pixel", "픽셀 평균"),
    "browse.stat_std": ("Standard deviation", "표준편차"),
    "browse.stat_sum": ("Pixel sum", "픽셀 합"),
    "browse.stat_nonzero": ("Garment pixels (non-zero)", "옷 픽셀(0이 아닌 픽셀)"),
    "browse.grid_title": ("The tutorial's 5x5 grid: the first 25 images of the {split}",
                          "튜토리얼의 5x5 격자: {split}의 처음 25장"),
    "browse.sprite_title": ("One row per class", "클래스마다 한 줄"),
    "browse.per_class": ("Images per class", "클래스당 이미지 수"),
    "browse.sprite_shuffle": ("Random images (seed)", "무작위 이미지(시드)"),
    "browse.sprite_caption": ("Seed 0 shows the first images of each class; any other seed a random sample.",
                              "시드 0은 각 클래스의 처음 이미지를, 다른 시드는 무작위 샘플을 보여 줍니다."),

    # Normalisation
    "browse.norm": ("Normalisation side by side", "정규화 비교"),
    "browse.norm_index": ("Image number", "이미지 번호"),
    "browse.norm_raw": ("raw 0-255", "원본 0-255"),
    "browse.norm_scaled": ("x / 255", "x / 255"),
    "browse.norm_minmax": ("min-max", "최소-최대"),
    "browse.norm_pixel": ("pixel value", "픽셀 값"),
    "browse.norm_count": ("pixels (log scale)", "픽셀 수(로그 눈금)"),
    "browse.norm_why": (
        "The picture does not change, only the numbers do. Models want the scaled version: "
        "inputs between 0 and 1 keep the first layer's sums small, so training steps are "
        "well-sized and the weights learn quickly instead of jumping about.",
        "그림은 그대로이고 숫자만 바뀝니다. 모델에는 스케일을 맞춘 값을 넣습니다. 입력이 0과 1 사이면 "
        "첫 층의 합이 작게 유지되어 가중치를 고치는 한 걸음 한 걸음이 알맞은 크기가 되므로, 가중치가 "
        "널뛰지 않고 빠르게 학습됩니다.",
    ),
    "browse.norm_same": (
        "Min-max and x/255 give almost the same numbers here: every image of the {split} "
        "already reaches {peak}-255 at its brightest pixel. x/255 is a fixed rule, so a new photo "
        "is scaled exactly like the training images; min-max depends on each image's own range.",
        "여기서는 최소-최대와 x/255가 거의 같은 숫자를 줍니다. {split}의 모든 이미지는 가장 밝은 픽셀이 "
        "이미 {peak}-255에 이릅니다. x/255는 고정된 규칙이라 새 사진도 학습 이미지와 똑같이 조정되고, "
        "최소-최대는 이미지마다 자기 범위에 따라 달라집니다.",
    ),

    # Extremes and means
    "browse.extremes": ("Brightest, darkest and average garments", "가장 밝은, 가장 어두운, 평균 옷"),
    "browse.brightest": ("Brightest: #{index} {name}, pixel sum {total:,}", "가장 밝음: #{index} {name}, 픽셀 합 {total:,}"),
    "browse.darkest": ("Darkest: #{index} {name}, pixel sum {total:,}", "가장 어두움: #{index} {name}, 픽셀 합 {total:,}"),
    "browse.extremes_caption": ("The images with the largest and smallest pixel sum (the original notebook's argmax "
                                "and argmin).",
                                "픽셀 합이 가장 큰 이미지와 가장 작은 이미지(원본 노트북의 argmax, argmin)."),
    "browse.means_title": ("The mean image of each class ({split})", "클래스별 평균 이미지({split})"),
    "browse.means_caption": (
        "Each picture is the average of all images of one class. Trousers, bags and sneakers have "
        "clear shapes; T-shirts, pullovers, coats and shirts look alike: those are the classes a "
        "model confuses most.",
        "각 이미지는 한 클래스의 모든 이미지를 평균한 것입니다. 바지, 가방, 스니커즈는 모양이 뚜렷하지만 "
        "티셔츠, 스웨터, 코트, 셔츠는 서로 비슷합니다. 모델이 가장 많이 헷갈리는 클래스들입니다.",
    ),
}
